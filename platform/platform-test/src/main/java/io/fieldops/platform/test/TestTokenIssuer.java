package io.fieldops.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Map;

/**
 * Signs access tokens the way auth-service does (RS256, {@code kid}, the claims of
 * docs/architecture.md) and serves the public key as a JWKS over real HTTP, so services under test
 * run their actual JWT validation instead of a mocked decoder.
 *
 * <p>One issuer per JVM ({@link #shared()}): every Spring context in the JVM trusts the same key,
 * which keeps the context cache free of per-test differences.
 */
public final class TestTokenIssuer {

  public static final String JWKS_PATH = "/.well-known/jwks.json";
  public static final String OPENID_CONFIGURATION_PATH = "/.well-known/openid-configuration";
  public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

  /** The {@code aud} of every fieldops token, as auth-service issues it. */
  public static final String AUDIENCE = "fieldops";

  private final RSAKey signingKey;
  private final RSAKey unknownKey;
  private final HttpServer server;
  private final String issuerUri;
  private final java.util.concurrent.atomic.AtomicLong jwksRequests =
      new java.util.concurrent.atomic.AtomicLong();

  private TestTokenIssuer() {
    this.signingKey = generateKey("fieldops-test-" + Long.toHexString(System.nanoTime()));
    // Same kid, different key: a decoder must reject it on the signature, not on a missing kid.
    this.unknownKey = generateKey(signingKey.getKeyID());
    this.server = startServer();
    this.issuerUri = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The issuer of this test JVM, started on first use. */
  public static TestTokenIssuer shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    private static final TestTokenIssuer INSTANCE = new TestTokenIssuer();
  }

  /** For example {@code http://127.0.0.1:41234}: the {@code iss} claim of every token. */
  public String issuerUri() {
    return issuerUri;
  }

  public String jwkSetUri() {
    return issuerUri + JWKS_PATH;
  }

  /**
   * How many times anyone fetched the JWKS since this JVM started: services must cache it, not ask
   * per request.
   */
  public long jwksRequests() {
    return jwksRequests.get();
  }

  /** The kid in every token header and in the JWKS. */
  public String keyId() {
    return signingKey.getKeyID();
  }

  /** A valid access token for {@code user}, expiring in {@link #TOKEN_LIFETIME}. */
  public String token(TestUser user) {
    Instant now = Instant.now();
    return sign(claims(user, now, now.plus(TOKEN_LIFETIME)), signingKey);
  }

  /** A correctly signed token that expired a quarter of an hour ago. */
  public String expiredToken(TestUser user) {
    Instant issuedAt = Instant.now().minus(TOKEN_LIFETIME).minus(Duration.ofMinutes(15));
    return sign(claims(user, issuedAt, issuedAt.plus(TOKEN_LIFETIME)), signingKey);
  }

  /** A token that looks right (same kid, same claims) but is signed by a key nobody published. */
  public String tokenSignedByUnknownKey(TestUser user) {
    Instant now = Instant.now();
    return sign(claims(user, now, now.plus(TOKEN_LIFETIME)), unknownKey);
  }

  /**
   * Signed by the trusted key, right in every way except that it was minted for {@code audience}.
   */
  public String tokenForAudience(TestUser user, String audience) {
    return sign(claimsBuilder(user).audience(audience).build(), signingKey);
  }

  /** Signs arbitrary claims with the trusted key, for tests of odd or missing claims. */
  public String sign(JWTClaimsSet claims) {
    return sign(claims, signingKey);
  }

  /** The claims {@link #token(TestUser)} would carry, as a builder to adjust. */
  public JWTClaimsSet.Builder claimsBuilder(TestUser user) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder(claims(user, now, now.plus(TOKEN_LIFETIME)));
  }

  private JWTClaimsSet claims(TestUser user, Instant issuedAt, Instant expiresAt) {
    return new JWTClaimsSet.Builder()
        .issuer(issuerUri)
        .audience(AUDIENCE)
        .subject(user.id().toString())
        .issueTime(Date.from(issuedAt))
        .expirationTime(Date.from(expiresAt))
        .claim("email", user.email())
        .claim("given_name", user.givenName())
        .claim("family_name", user.familyName())
        .claim("phone_number", user.phoneNumber())
        .claim("org_id", user.orgId() == null ? null : user.orgId().toString())
        .claim("roles", new ArrayList<>(user.roles().stream().sorted().toList()))
        .claim("level", user.level())
        .build();
  }

  private static String sign(JWTClaimsSet claims, RSAKey key) {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign test token", e);
    }
    return jwt.serialize();
  }

  private static RSAKey generateKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(keyId)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate test RSA key", e);
    }
  }

  private HttpServer startServer() {
    try {
      HttpServer httpServer =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      String jwks =
          JSONObjectUtils.toJSONString(new JWKSet(signingKey.toPublicJWK()).toJSONObject());
      httpServer.createContext(
          JWKS_PATH,
          exchange -> {
            jwksRequests.incrementAndGet();
            respond(exchange, jwks);
          });
      httpServer.createContext(
          OPENID_CONFIGURATION_PATH,
          exchange ->
              respond(
                  exchange,
                  JSONObjectUtils.toJSONString(
                      Map.of("issuer", issuerUri, "jwks_uri", jwkSetUri()))));
      // The JDK dispatcher thread inherits the daemon flag of the thread that starts it: start it
      // from a daemon thread so the server never keeps a finished test JVM alive.
      Thread starter = Thread.ofPlatform().daemon().unstarted(httpServer::start);
      starter.start();
      starter.join();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> httpServer.stop(0)));
      return httpServer;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the test JWKS server", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void respond(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
