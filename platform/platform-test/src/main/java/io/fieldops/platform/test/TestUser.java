package io.fieldops.platform.test;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A user as the JWT describes it (docs/architecture.md "Identity and tenancy"). Factories give each
 * role its usual {@code level} (0 technician_l1, 1 other staff, 2 supervisor, 3 admin) and a random
 * id, so tests never collide on users by accident.
 */
public record TestUser(
    UUID id,
    UUID orgId,
    String email,
    String givenName,
    String familyName,
    String phoneNumber,
    Set<String> roles,
    int level) {

  private static final String[][] NAMES = {
    {"Somchai", "Jaidee"}, {"Malee", "Srisuk"}, {"Anan", "Wongsa"}, {"Ploy", "Chaiyo"},
    {"Niran", "Boonmee"}, {"Kanya", "Thongdee"}, {"Alice", "Walker"}, {"Ben", "Carter"}
  };

  public TestUser {
    roles = Set.copyOf(roles);
  }

  public static TestUser customer(UUID orgId) {
    return random(orgId, "CUSTOMER", 1);
  }

  public static TestUser agent(UUID orgId) {
    return random(orgId, "AGENT", 1);
  }

  public static TestUser technician(UUID orgId) {
    return random(orgId, "TECHNICIAN", 0);
  }

  public static TestUser supervisor(UUID orgId) {
    return random(orgId, "SUPERVISOR", 2);
  }

  public static TestUser admin(UUID orgId) {
    return random(orgId, "ADMIN", 3);
  }

  public TestUser withRoles(String... newRoles) {
    return new TestUser(
        id, orgId, email, givenName, familyName, phoneNumber, Set.of(newRoles), level);
  }

  public TestUser withLevel(int newLevel) {
    return new TestUser(id, orgId, email, givenName, familyName, phoneNumber, roles, newLevel);
  }

  public TestUser withEmail(String newEmail) {
    return new TestUser(id, orgId, newEmail, givenName, familyName, phoneNumber, roles, level);
  }

  private static TestUser random(UUID orgId, String role, int level) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String[] name = NAMES[random.nextInt(NAMES.length)];
    UUID id = UUID.randomUUID();
    String email =
        name[0].toLowerCase() + "." + id.toString().substring(0, 8) + "@" + "example.test";
    // Thai mobile numbers in E.164: +66 then 8 or 9 and eight more digits.
    String phone =
        "+66" + (8 + random.nextInt(2)) + String.format("%08d", random.nextInt(100_000_000));
    return new TestUser(id, orgId, email, name[0], name[1], phone, Set.of(role), level);
  }
}
