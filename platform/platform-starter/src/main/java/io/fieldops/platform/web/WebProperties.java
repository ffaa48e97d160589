package io.fieldops.platform.web;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code fieldops.web.*}.
 *
 * @param defaultLocale language of answers when Accept-Language names none we support (English; the
 *     ticket service sets {@code th}, as its seed answers in Thai)
 * @param supportedLocales languages a client may ask for with Accept-Language
 * @param maxRequestBody largest request body accepted; larger ones answer 413 (our JSON requests
 *     are a few kilobytes; this bounds what one caller can make a service buffer)
 */
@ConfigurationProperties("fieldops.web")
public record WebProperties(
    @DefaultValue("en") Locale defaultLocale,
    @DefaultValue({"en", "th"}) List<Locale> supportedLocales,
    @DefaultValue("1MB") DataSize maxRequestBody) {

  public WebProperties {
    if (!supportedLocales.contains(defaultLocale)) {
      throw new IllegalArgumentException(
          "fieldops.web.default-locale="
              + defaultLocale
              + " is not one of fieldops.web.supported-locales="
              + supportedLocales);
    }
    supportedLocales = List.copyOf(supportedLocales);
  }
}
