package io.fieldops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;

class LocaleResolutionTest {

  private static final Locale TH = Locale.forLanguageTag("th");

  private static Locale resolve(WebProperties properties, String acceptLanguage) {
    LocaleResolver resolver = new PlatformWebAutoConfiguration().localeResolver(properties);
    MockHttpServletRequest request = new MockHttpServletRequest();
    if (acceptLanguage != null) {
      request.addHeader("Accept-Language", acceptLanguage);
    }
    return resolver.resolveLocale(request);
  }

  @Test
  void englishByDefault() {
    WebProperties defaults =
        new WebProperties(Locale.ENGLISH, List.of(Locale.ENGLISH, TH), DataSize.ofMegabytes(1));

    assertThat(resolve(defaults, null)).isEqualTo(Locale.ENGLISH);
    assertThat(resolve(defaults, "fr-FR")).isEqualTo(Locale.ENGLISH);
    assertThat(resolve(defaults, "th-TH,th;q=0.9")).isEqualTo(TH);
  }

  @Test
  void ticketServiceDefaultsToThai() {
    WebProperties ticket =
        new WebProperties(TH, List.of(Locale.ENGLISH, TH), DataSize.ofMegabytes(1));

    assertThat(resolve(ticket, null)).isEqualTo(TH);
    assertThat(resolve(ticket, "en-US")).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void defaultMustBeSupported() {
    assertThatThrownBy(
            () ->
                new WebProperties(
                    Locale.GERMAN, List.of(Locale.ENGLISH, TH), DataSize.ofMegabytes(1)))
        .hasMessageContaining("fieldops.web.default-locale");
  }
}
