package io.fieldops.auth.login;

import io.fieldops.auth.token.AuthResponse;
import io.fieldops.platform.net.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.InetAddress;
import java.util.Collections;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

  private static final String X_FORWARDED_FOR = "X-Forwarded-For";

  private final Login login;
  private final TrustedProxies trustedProxies;

  LoginController(Login login, TrustedProxies trustedProxies) {
    this.login = login;
    this.trustedProxies = trustedProxies;
  }

  @PostMapping("/api/auth/login")
  AuthResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
    return login.login(request, clientAddress(http));
  }

  /**
   * The client behind the gateway: getRemoteAddr() is the TCP peer (server.forward-headers-strategy
   * is none), and X-Forwarded-For counts only when that peer is a trusted proxy.
   */
  private String clientAddress(HttpServletRequest http) {
    InetAddress peer = TrustedProxies.parseLiteral(http.getRemoteAddr());
    if (peer == null) {
      return http.getRemoteAddr();
    }
    InetAddress client =
        trustedProxies.client(peer, Collections.list(http.getHeaders(X_FORWARDED_FOR)));
    return client.getHostAddress();
  }
}
