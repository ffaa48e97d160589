package io.fieldops.auth.key;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An RSA key pair tokens are signed with; {@code kid} is what token headers and the JWKS name. */
@Entity
@Table(name = "signing_key")
public class SigningKey {

  @Id private String kid;

  @Column(name = "private_key", nullable = false)
  private String privateKey;

  @Column(name = "public_key", nullable = false)
  private String publicKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "retired_at")
  private Instant retiredAt;

  protected SigningKey() {}

  SigningKey(String kid, String privateKey, String publicKey, Instant createdAt) {
    this.kid = kid;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.createdAt = createdAt;
  }

  void retire(Instant now) {
    this.retiredAt = now;
  }

  public String getKid() {
    return kid;
  }

  String getPrivateKey() {
    return privateKey;
  }

  String getPublicKey() {
    return publicKey;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getRetiredAt() {
    return retiredAt;
  }

  public boolean isActive() {
    return retiredAt == null;
  }
}
