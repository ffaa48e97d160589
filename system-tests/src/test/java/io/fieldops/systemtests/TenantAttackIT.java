package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The cross-organisation account takeover, tried through the gateway the way an outsider would:
 * register an organisation of your own (you are its ADMIN), pull someone else's not-yet-claimed
 * account into it, ask for a password set-up link, set the password, log in to the victim's
 * organisation. Every step that would hand over the account is refused, and nothing the victim's
 * organisation knows about them is shown to the attacker (auth-service/README.md, "Tenancy: threat
 * model").
 */
class TenantAttackIT extends SystemTest {

  private static final String AGENT = "/api/agent/booking/create/";

  /** A Friday at least three weeks ahead (Bangkok), a slot no other system test books. */
  private static final LocalDate FRIDAY =
      LocalDate.now(ZoneId.of("Asia/Bangkok"))
          .plusDays(21)
          .with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));

  @Test
  void anAgentBookedCustomerCannotBeTakenOverByAnotherOrganisation() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String phone = "08" + String.format("%08d", Math.floorMod(suffix.hashCode(), 100_000_000));

    // the victim: a customer the demo organisation's call centre booked, no password yet
    GatewayResponse victimBooking =
        gateway()
            .post(
                AGENT,
                """
                {"phone": "%s", "first_name": "Malee", "last_name": "Srisuk",
                 "email": "malee-%s@example.com", "service_name": "Pest control",
                 "booking_date": "%s", "booking_time": "16:00"}
                """
                    .formatted(phone, suffix, FRIDAY));
    assertThat(victimBooking.status()).as(victimBooking.toString()).isEqualTo(201);
    String victim = victimBooking.json().path("user_id").asString();

    // the attacker founds an organisation of their own and takes bookings there
    Attacker evil = Attacker.register(gateway(), "evil-" + suffix);

    // an anonymous agent booking with the victim's phone, into the attacker's organisation
    String international =
        "+66 " + phone.substring(1, 3) + " " + phone.substring(3, 6) + " " + phone.substring(6);
    GatewayResponse pulled =
        gateway()
            .post(
                AGENT,
                """
                {"phone": "%s", "first_name": "Anyone", "service_name": "Pest control",
                 "booking_date": "%s", "booking_time": "12:00"}
                """
                    .formatted(international, FRIDAY),
                "X-Organization",
                evil.slug());
    assertThat(pulled.status()).as(pulled.toString()).isEqualTo(201);
    assertThat(pulled.json().path("user_created").asBoolean()).isFalse();
    assertThat(pulled.json().path("user_id").asString()).isEqualTo(victim);
    // only what the attacker sent comes back: not the victim's name or email
    JsonNode shown = pulled.json().path("data").path("user");
    assertThat(shown.path("first_name").asString()).isEqualTo("Anyone");
    assertThat(shown.path("email").isNull()).isTrue();
    assertThat(pulled.body()).doesNotContain("Malee", "Srisuk", "malee-");

    // the set-up link: refused, the account is not the attacker's organisation's alone
    GatewayResponse link =
        gateway()
            .post(
                "/api/auth/password/setup-token",
                "{\"user_id\": \"%s\"}".formatted(victim),
                "Authorization",
                evil.bearer());
    assertThat(link.status()).as(link.toString()).isEqualTo(409);
    assertThat(link.json().path("type").asString())
        .isEqualTo("urn:fieldops:problem:account-not-owned");
    assertThat(link.body()).doesNotContain("token\":");

    // nor does the attacker find the victim by the name the victim's organisation knows
    GatewayResponse search =
        gateway().get("/api/auth/organization/users/?search=Malee", "Authorization", evil.bearer());
    assertThat(search.status()).as(search.toString()).isEqualTo(200);
    assertThat(search.json().path("results").size()).isZero();

    // the victim's own organisation still sees them as they are, and nobody has logged in as them
    GatewayResponse home =
        gateway()
            .get(
                "/api/auth/organization/users/?ids=" + victim,
                "Authorization",
                "Bearer " + demoAdminToken());
    assertThat(home.json().path("results").path(0).path("first_name").asString())
        .isEqualTo("Malee");
    GatewayResponse login =
        gateway()
            .post(
                "/api/auth/login/",
                "{\"phone_number\": \"%s\", \"password\": \"password\"}".formatted(phone));
    assertThat(login.status()).as(login.toString()).isEqualTo(401);
  }

  @Test
  void anInvitedUnclaimedStaffMemberCannotBeTakenOverByAnotherOrganisation() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String email = "nok-" + suffix + "@example.com";
    String admin = "Bearer " + demoAdminToken();

    // the victim: an ADMIN the demo organisation invited, who has not used their link yet
    GatewayResponse invited =
        gateway()
            .post(
                "/api/auth/organization/members/",
                """
                {"email": "%s", "first_name": "Nok", "last_name": "Chai", "roles": ["ADMIN"]}
                """
                    .formatted(email),
                "Authorization",
                admin);
    assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    String victim = invited.json().path("member").path("user_id").asString();
    String victimsLink = invited.json().path("setup_token").asString();

    Attacker evil = Attacker.register(gateway(), "evil-" + suffix);

    // inviting the victim's email into the attacker's organisation: a pending invitation only,
    // and nothing about the person in the answer
    GatewayResponse pulled =
        gateway()
            .post(
                "/api/auth/organization/members/",
                "{\"email\": \"%s\", \"roles\": [\"CUSTOMER\"]}".formatted(email),
                "Authorization",
                evil.bearer());
    assertThat(pulled.status()).as(pulled.toString()).isEqualTo(201);
    assertThat(pulled.json().path("created").asBoolean()).isFalse();
    assertThat(pulled.json().path("member").isNull()).isTrue();
    assertThat(pulled.body()).doesNotContain(victim, "Nok", "Chai");

    // not a member of the attacker's organisation: no link
    GatewayResponse link =
        gateway()
            .post(
                "/api/auth/password/setup-token",
                "{\"user_id\": \"%s\"}".formatted(victim),
                "Authorization",
                evil.bearer());
    assertThat(link.status()).as(link.toString()).isEqualTo(404);

    // the victim's own link still works for the victim, and makes them the demo ADMIN they were
    GatewayResponse claimed =
        gateway()
            .post(
                "/api/auth/password/setup/",
                """
                {"token": "%s", "password1": "Nok-owns-this-1", "password2": "Nok-owns-this-1"}
                """
                    .formatted(victimsLink));
    assertThat(claimed.status()).as(claimed.toString()).isIn(200, 201, 204);
    GatewayResponse login =
        gateway()
            .post(
                "/api/auth/login/",
                "{\"email\": \"%s\", \"password\": \"Nok-owns-this-1\"}".formatted(email));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(login.json().path("user").path("organization").path("slug").asString())
        .isEqualTo(stack().admin().organization());
    assertThat(login.json().path("user").path("roles").toString()).isEqualTo("[\"ADMIN\"]");
  }

  /** An outsider who registered an organisation of their own and takes agent bookings there. */
  private record Attacker(String slug, String bearer) {

    static Attacker register(Gateway gateway, String name) {
      GatewayResponse registered =
          gateway.post(
              "/api/auth/register/",
              """
              {"email": "%s@example.com", "first_name": "Eve", "last_name": "Evil",
               "password1": "Tr0ub4dor&3-horse", "password2": "Tr0ub4dor&3-horse",
               "organization_name": "%s"}
              """
                  .formatted(name, name));
      assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
      String bearer = "Bearer " + registered.json().path("tokens").path("access").asString();
      String slug = registered.json().path("user").path("organization").path("slug").asString();
      GatewayResponse settings =
          gateway.put("/api/v1/bookings/settings/", "{}", "Authorization", bearer);
      assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
      return new Attacker(slug, bearer);
    }
  }
}
