package io.fieldops.platform.calls;

import java.io.IOException;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Asks the peer in the language of the request being served ({@code Accept-Language}), so a refusal
 * the caller passes on (a field message, say) reads in the caller's language. Without a request (a
 * Kafka listener) the call goes without the header and the peer answers in its default.
 */
final class CallerLanguageRelay implements ClientHttpRequestInterceptor {

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    LocaleContext language = LocaleContextHolder.getLocaleContext();
    if (language != null
        && language.getLocale() != null
        && !request.getHeaders().containsHeader(HttpHeaders.ACCEPT_LANGUAGE)) {
      request.getHeaders().set(HttpHeaders.ACCEPT_LANGUAGE, language.getLocale().toLanguageTag());
    }
    return execution.execute(request, body);
  }
}
