package io.fieldops.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

  @Test
  void refusesWhileCutAndForwardsWhileOpen() throws Exception {
    URI issuer = URI.create(TestTokenIssuer.shared().jwkSetUri());
    try (TcpProxy proxy = TcpProxy.to(issuer.getHost(), issuer.getPort())) {
      URI viaProxy = URI.create("http://" + proxy.address() + issuer.getPath());

      assertThatThrownBy(() -> get(viaProxy)).isInstanceOf(ConnectException.class);

      // several rounds: cut() must refuse at once, not a moment later (it once raced accept())
      for (int round = 0; round < 25; round++) {
        proxy.open();
        HttpResponse<String> response = get(viaProxy);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(TestTokenIssuer.shared().keyId());

        proxy.cut();
        assertThatThrownBy(() -> get(viaProxy)).isInstanceOf(ConnectException.class);
      }
    }
  }

  // A fresh client each time: a pooled connection must not hide whether the port answers.
  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
