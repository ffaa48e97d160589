package io.fieldops.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.gateway.problem.MalformedRequestHandler.Refusal;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/** Which requests are refused below Spring, and with which status; the rest pass untouched. */
class MalformedRequestHandlerTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "localhost:8080",
        "127.0.0.1:8080",
        "[::1]",
        "[::1]:8080",
        "api.example.com"
      })
  void anOrdinaryRequestPasses(String host) {
    HttpRequest request = request("/api/v1/customers/?page=2&q=a%20b");
    request.headers().set("Host", host);

    assertThat(Refusal.of(request)).isNull();
  }

  @Test
  void decoderFailuresMapToTheirStatus() {
    assertThat(status(failed(new TooLongHttpLineException("line"))))
        .isEqualTo(HttpStatus.URI_TOO_LONG);
    assertThat(status(failed(new TooLongHttpHeaderException("header"))))
        .isEqualTo(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
    assertThat(status(failed(new IllegalArgumentException("a header name with a space"))))
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[::1", "localhost:http", "a:b:c", "localhost:"})
  void aHostReactorNettyCannotReadIsRefused(String host) {
    HttpRequest request = request("/");
    request.headers().set("Host", host);

    assertThat(status(request)).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void aTargetThatIsNotAUriIsRefused() {
    assertThat(status(request("/api/v1/customers?page=%zz"))).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(status(request("/discount/50%"))).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(status(request("/a|b"))).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private static HttpStatus status(HttpRequest request) {
    return Refusal.of(request).status();
  }

  private static HttpRequest failed(Exception cause) {
    HttpRequest request = request("/bad-request");
    request.setDecoderResult(DecoderResult.failure(cause));
    return request;
  }

  private static HttpRequest request(String uri) {
    return new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
  }
}
