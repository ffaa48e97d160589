package io.fieldops.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;

/** The REST history: catch-up after a reconnect, read state, tenant isolation, bad input. */
class InboxIT extends NotificationIntegrationTest {

  private static final String LIST = "/api/v1/notifications/";

  private UUID orgWith(int bookings) {
    UUID org = UUID.randomUUID();
    for (int i = 1; i <= bookings; i++) {
      publish(
          "bookings",
          UUID.randomUUID(),
          "booking.created",
          org,
          Instant.now(),
          bookingData("b" + i, "Service " + i));
    }
    TestUser agent = TestUser.agent(org);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> as(agent).get(LIST + "?limit=200").json().path("results").size() == bookings);
    return org;
  }

  @Test
  void aReconnectingClientFetchesWhatCameAfterItsLastIdOldestFirst() {
    UUID org = orgWith(5);
    Http agent = as(TestUser.agent(org));

    JsonNode latestTwo = agent.get(LIST + "?limit=2").json();
    assertThat(
            latestTwo.path("results").valueStream().map(n -> n.path("data").path("id").asString()))
        .containsExactly("b4", "b5");
    assertThat(latestTwo.path("has_more").asBoolean()).isFalse();

    JsonNode all = agent.get(LIST).json();
    long firstId = all.path("results").get(0).path("id").asLong();
    JsonNode page = agent.get(LIST + "?after=" + firstId + "&limit=3").json();
    assertThat(page.path("results").valueStream().map(n -> n.path("data").path("id").asString()))
        .containsExactly("b2", "b3", "b4");
    assertThat(page.path("has_more").asBoolean()).isTrue();
    JsonNode rest = agent.get(LIST + "?after=" + page.path("next_after").asLong()).json();
    assertThat(rest.path("results").valueStream().map(n -> n.path("data").path("id").asString()))
        .containsExactly("b5");
    assertThat(rest.path("has_more").asBoolean()).isFalse();
    assertThat(
            agent.get(LIST + "?after=" + rest.path("next_after").asLong()).json().path("results"))
        .isEmpty();
  }

  @Test
  void readStateIsPerUser() throws Exception {
    UUID org = orgWith(3);
    Http agent = as(TestUser.agent(org));
    Http admin = as(TestUser.admin(org));
    JsonNode all = agent.get(LIST).json();
    long first = all.path("results").get(0).path("id").asLong();

    assertThat(agent.get("/api/v1/notifications/unread-count/").body())
        .isEqualTo("{\"unread_count\":3}");
    assertThat(agent.postJson("/api/v1/notifications/" + first + "/read/", "").status())
        .isEqualTo(204);
    assertThat(agent.postJson("/api/v1/notifications/" + first + "/read/", "").status())
        .isEqualTo(204);
    assertThat(
            agent.get("/api/v1/notifications/unread-count/").json().path("unread_count").asLong())
        .isEqualTo(2);
    assertThat(agent.get(LIST).json().path("results").get(0).path("read").asBoolean()).isTrue();
    assertThat(
            admin.get("/api/v1/notifications/unread-count/").json().path("unread_count").asLong())
        .isEqualTo(3);

    assertThat(agent.postJson("/api/v1/notifications/read-all/", "").status()).isEqualTo(204);
    assertThat(
            agent.get("/api/v1/notifications/unread-count/").json().path("unread_count").asLong())
        .isZero();
    publish(
        "bookings",
        UUID.randomUUID(),
        "booking.created",
        org,
        Instant.now(),
        bookingData("b4", "Later"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                agent
                        .get("/api/v1/notifications/unread-count/")
                        .json()
                        .path("unread_count")
                        .asLong()
                    == 1);
    JSONAssert.assertEquals(
        "{\"results\": [{\"data\": {\"id\": \"b4\"}, \"read\": false}]}",
        agent.get(LIST + "?limit=1").body(),
        JSONCompareMode.LENIENT);
  }

  @Test
  void anotherOrganisationsNotificationsAreInvisible() {
    UUID mine = orgWith(1);
    UUID theirs = UUID.randomUUID();
    long id = as(TestUser.agent(mine)).get(LIST).json().path("results").get(0).path("id").asLong();
    Http stranger = as(TestUser.admin(theirs));

    assertThat(stranger.get(LIST).json().path("results")).isEmpty();
    assertThat(stranger.get(LIST + "?after=0").json().path("results")).isEmpty();
    Http.Response read = stranger.postJson("/api/v1/notifications/" + id + "/read/", "");
    Http.Response missing = stranger.postJson("/api/v1/notifications/999999999/read/", "");
    assertThat(read.status()).isEqualTo(404);
    assertThat(read.body()).isEqualTo(missing.body().replace("999999999", String.valueOf(id)));
    assertThat(
            stranger
                .get("/api/v1/notifications/unread-count/")
                .json()
                .path("unread_count")
                .asLong())
        .isZero();
  }

  @Test
  void customersAndAnonymousCallersAreRefused() {
    UUID org = UUID.randomUUID();
    assertThat(as(TestUser.customer(org)).get(LIST).status()).isEqualTo(403);
    assertThat(as(TestUser.customer(org)).postJson("/api/v1/notifications/read-all/", "").status())
        .isEqualTo(403);
    assertThat(http().get(LIST).status()).isEqualTo(401);
  }

  @Test
  void aLevel0TechnicianSeesOnlyWhatWasAddressedToThem() {
    UUID org = orgWith(2);
    TestUser technician = TestUser.technician(org);
    TestUser colleague = TestUser.technician(org);
    Http mine = as(technician);
    assertThat(mine.get(LIST).json().path("results")).isEmpty();
    assertThat(mine.get("/api/v1/notifications/unread-count/").body())
        .isEqualTo("{\"unread_count\":0}");

    assign(org, "t1", technician);
    assign(org, "t2", colleague);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> as(TestUser.agent(org)).get(LIST).json().path("results").size() == 4);

    JsonNode page = mine.get(LIST).json();
    assertThat(page.path("results").valueStream().map(n -> n.path("data").path("id").asString()))
        .containsExactly("t1");
    assertThat(mine.get(LIST + "?after=0").json().path("results")).hasSize(1);
    assertThat(mine.get("/api/v1/notifications/unread-count/").body())
        .isEqualTo("{\"unread_count\":1}");
    // a booking of the organisation is not theirs to read, exactly like a missing one
    long booking =
        as(TestUser.agent(org)).get(LIST).json().path("results").get(0).path("id").asLong();
    assertThat(mine.postJson("/api/v1/notifications/" + booking + "/read/", "").status())
        .isEqualTo(404);
    assertThat(mine.postJson("/api/v1/notifications/read-all/", "").status()).isEqualTo(204);
    assertThat(mine.get("/api/v1/notifications/unread-count/").body())
        .isEqualTo("{\"unread_count\":0}");
    assertThat(
            as(colleague)
                .get(LIST)
                .json()
                .path("results")
                .get(0)
                .path("data")
                .path("id")
                .asString())
        .isEqualTo("t2");
    // the dashboard's counters are the organisation's: not for a level 0 technician
    assertThat(mine.get("/api/v1/notifications/counts/").status()).isEqualTo(403);
  }

  @Test
  void badQueryParametersAreNamed() throws Exception {
    Http agent = as(TestUser.agent(UUID.randomUUID()));

    Http.Response bad = agent.get(LIST + "?after=-1&limit=500");
    assertThat(bad.status()).isEqualTo(400);
    JSONAssert.assertEquals(
        """
        {"details": {"after": "after must be a notification id (0 or more).",
                     "limit": "limit must be between 1 and 200."}}
        """,
        bad.body(),
        JSONCompareMode.LENIENT);
    Http.Response notANumber = agent.get(LIST + "?after=yesterday");
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(notANumber.json().path("details").has("after")).as(notANumber.body()).isTrue();
    assertThat(agent.thai().get(LIST + "?limit=0").json().path("details").path("limit").asString())
        .isEqualTo("limit ต้องอยู่ระหว่าง 1 ถึง 200");
    assertThat(agent.postJson("/api/v1/notifications/abc/read/", "").status()).isEqualTo(400);
  }
}
