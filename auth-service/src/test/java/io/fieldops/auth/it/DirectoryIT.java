package io.fieldops.auth.it;

import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What other services read from here with the caller's token: the organisation's settings and the
 * identity of its members by id (customer-service puts names beside customers).
 */
class DirectoryIT extends AuthIntegrationTest {

  private static final String USERS = "/api/auth/organization/users/";

  private String loginToken(String email, String organization) {
    Http.Response login =
        http()
            .postJson(
                "/api/auth/login/",
                """
                {"email": "%s", "password": "%s", "organization": "%s"}
                """
                    .formatted(email, PASSWORD, organization));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    return login.json().path("tokens").path("access").asString();
  }

  @Test
  void anyMemberReadsTheirOrganisation() {
    Org org = newOrganisation();
    String email = uniqueEmail("cust");
    JsonNode joined = join(org, "Cat", email);
    String orgId = joined.path("user").path("organization").path("id").asString();

    assertJson(
        http().bearer(loginToken(email, org.slug())).get("/api/auth/organization/"),
        200,
        """
        {"id": "%s", "slug": "%s", "name": "%s", "default_phone_region": "TH",
         "strict_phone_validation": false, "date_order": "DMY"}
        """
            .formatted(
                orgId,
                org.slug(),
                joined.path("user").path("organization").path("name").asString()));
    assertThat(http().get("/api/auth/organization/").status()).isEqualTo(401);
  }

  @Test
  void staffLookUpMembersByIdAndSeeNobodyElse() {
    Org org = newOrganisation();
    String email = uniqueEmail("dora");
    String dora = join(org, "Dora", email).path("user").path("id").asString();
    Org other = newOrganisation();
    String stranger = join(other, "Stan", uniqueEmail("stan")).path("user").path("id").asString();
    Http admin = http().bearer(org.access());

    Http.Response found =
        admin.get(
            USERS
                + "?ids="
                + String.join(",", dora, org.adminId(), stranger, UUID.randomUUID().toString()));

    assertThat(found.status()).as(found.body()).isEqualTo(200);
    assertJson(
        found
            .json()
            .path("results")
            .valueStream()
            .filter(r -> r.path("user_id").asString().equals(dora))
            .findFirst()
            .orElseThrow()
            .toString(),
        """
        {"user_id": "%s", "username": "%s", "email": "%s", "first_name": "Dora",
         "last_name": "Member", "phone_number": null, "is_active": true}
        """
            .formatted(dora, email, email));
    assertThat(found.json().path("results").valueStream().map(r -> r.path("user_id").asString()))
        .containsExactlyInAnyOrder(dora, org.adminId());
    // repeated parameters work too; a deactivated member reads is_active false
    assertThat(
            admin.postJson("/api/auth/organization/members/" + dora + "/deactivate/", "").status())
        .isEqualTo(200);
    assertThat(admin.get(USERS + "?ids=" + dora + "&ids=" + dora).json().path("results").toString())
        .contains("\"is_active\":false");
    // another organisation's staff see nothing of this one
    assertJson(http().bearer(other.access()).get(USERS + "?ids=" + dora), 200, "{\"results\": []}");
  }

  @Test
  void staffFindMembersByAPieceOfNameEmailOrPhone() {
    Org org = newOrganisation();
    String email = uniqueEmail("nina");
    String nina =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Nina", "last_name": "Srisuk", "phone_number": "%s",
                 "password1": "%s", "password2": "%s", "organization": "%s"}
                """
                    .formatted(
                        email, ProvisioningIT.uniqueThaiMobile(), PASSWORD, PASSWORD, org.slug()))
            .json()
            .path("user")
            .path("id")
            .asString();
    String phone =
        http()
            .bearer(org.access())
            .get(USERS + "?ids=" + nina)
            .json()
            .path("results")
            .get(0)
            .path("phone_number")
            .asString();
    Org other = newOrganisation();
    join(other, "Nina", uniqueEmail("nina-elsewhere"));
    Http admin = http().bearer(org.access());

    // the phone is stored as written (08...): found by a piece of it, or of its E.164 key
    assertThat(phone).startsWith("08");
    for (String search :
        new String[] {
          "nina",
          "SRISUK",
          "nina sri",
          email.substring(0, 8),
          "0" + phone.substring(1, 7),
          "+66 " + phone.substring(1, 6)
        }) {
      Http.Response found =
          admin.get(
              USERS
                  + "?search="
                  + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(found.status()).as(search + ": " + found.body()).isEqualTo(200);
      assertThat(found.json().path("results").valueStream().map(r -> r.path("user_id").asString()))
          .as(search)
          .containsExactly(nina);
    }
    assertJson(admin.get(USERS + "?search=%25"), 200, "{\"results\": []}");
    Http.Response both = admin.get(USERS + "?search=nina&ids=" + nina);
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.json().path("details").path("ids").asString())
        .isEqualTo("Give either ids or search.");
    Http.Response tooLong = admin.get(USERS + "?search=" + "x".repeat(101));
    assertThat(tooLong.json().path("details").path("search").asString())
        .isEqualTo("Search for 1 to 100 characters.");
  }

  @Test
  void customersAndBadIdsAreRefused() {
    Org org = newOrganisation();
    String email = uniqueEmail("cleo");
    String cleo = join(org, "Cleo", email).path("user").path("id").asString();

    Http.Response customer =
        http().bearer(loginToken(email, org.slug())).get(USERS + "?ids=" + cleo);
    assertThat(customer.status()).isEqualTo(403);

    Http admin = http().bearer(org.access());
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(UUID.randomUUID().toString());
    }
    Http.Response tooMany = admin.get(USERS + "?ids=" + String.join(",", many));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().path("details").path("ids").asString())
        .isEqualTo("Ask for at most 100 ids at a time.");
    Http.Response notUuid = admin.get(USERS + "?ids=not-a-uuid");
    assertThat(notUuid.status()).as(notUuid.body()).isEqualTo(400);
    assertThat(notUuid.json().path("details").has("ids")).as(notUuid.body()).isTrue();
    Http.Response missing = admin.get(USERS);
    assertThat(missing.status()).as(missing.body()).isEqualTo(400);
    assertThat(missing.body()).contains("ids");
  }
}
