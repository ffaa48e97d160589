package io.fieldops.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldops.platform.events.EventTypes.Users;
import io.fieldops.platform.events.members.Member;
import io.fieldops.platform.events.members.OrganisationMembers;
import io.fieldops.platform.test.IntegrationTest;
import io.fieldops.platform.test.KafkaProbe;
import io.fieldops.platform.test.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organisation members read model fed through the real broker, with envelopes shaped exactly as
 * auth-service's UserEvents writes them. Every test works in organisations and with people of its
 * own, so the tests share one consumer group without seeing each other's rows.
 */
@IntegrationTest
@TestPropertySource(properties = "fieldops.members.enabled=true")
class OrganisationMembersIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired OrganisationMembers members;
  @Autowired JdbcTemplate jdbc;

  private final String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
  private final RawProducer producer = new RawProducer(bootstrap);

  @AfterEach
  void closeProducer() {
    producer.close();
  }

  @Test
  void registeredStaffMemberIsThereWithTheirIdentity() {
    UUID org = UUID.randomUUID();
    UUID user = UUID.randomUUID();

    var event =
        send(
            user,
            Users.REGISTERED,
            org,
            registered(
                user,
                org,
                "Somchai",
                "Jaidee",
                "somchai@example.test",
                "+66812345678",
                List.of("TECHNICIAN"),
                0));

    Member member = awaitMember(org, user, m -> true);
    assertThat(member)
        .isEqualTo(
            new Member(
                org,
                user,
                List.of("TECHNICIAN"),
                0,
                true,
                "Somchai",
                "Jaidee",
                "somchai@example.test",
                "+66812345678",
                event.occurredAt()));
    assertThat(member.isStaff()).isTrue();
    assertThat(member.fullName()).isEqualTo("Somchai Jaidee");
  }

  @Test
  void membershipChangedSetsRolesAndLevelAndKeepsTheIdentity() {
    UUID org = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    send(
        user,
        Users.REGISTERED,
        org,
        registered(
            user, org, "Malee", "Srisuk", "malee@example.test", null, List.of("CUSTOMER"), 0));

    var changed =
        send(
            user,
            Users.MEMBERSHIP_CHANGED,
            org,
            membershipChanged(user, org, List.of("SUPERVISOR", "TECHNICIAN"), 2));

    Member member = awaitMember(org, user, m -> m.level() == 2);
    assertThat(member)
        .isEqualTo(
            new Member(
                org,
                user,
                List.of("SUPERVISOR", "TECHNICIAN"),
                2,
                true,
                "Malee",
                "Srisuk",
                "malee@example.test",
                null,
                changed.occurredAt()));
  }

  @Test
  void membershipChangedArrivingBeforeRegisteredStillEndsWithTheIdentity() {
    // auth-service's outbox sends the two events of one registration concurrently
    UUID org = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    send(user, Users.MEMBERSHIP_CHANGED, org, membershipChanged(user, org, List.of("ADMIN"), 3));
    assertThat(awaitMember(org, user, m -> true).fullName()).isNull();

    var registered =
        send(
            user,
            Users.REGISTERED,
            org,
            registered(user, org, "Admin", "", "admin@example.test", null, List.of("ADMIN"), 3));

    assertThat(awaitMember(org, user, m -> m.email() != null))
        .isEqualTo(
            new Member(
                org,
                user,
                List.of("ADMIN"),
                3,
                true,
                "Admin",
                "",
                "admin@example.test",
                null,
                registered.occurredAt()));
  }

  @Test
  void userUpdatedRenamesThePersonInEveryOrganisationTheyBelongTo() {
    UUID orgA = UUID.randomUUID();
    UUID orgB = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    UUID colleague = UUID.randomUUID();
    send(
        colleague,
        Users.REGISTERED,
        orgA,
        registered(
            colleague, orgA, "Anan", "Wongsa", "anan@example.test", null, List.of("AGENT"), 1));
    send(
        user,
        Users.REGISTERED,
        orgA,
        registered(
            user,
            orgA,
            "Ploy",
            "Chaiyo",
            "ploy@example.test",
            "+66898765432",
            List.of("TECHNICIAN"),
            0));
    // an existing person joins a second organisation: auth-service sends no user.registered then
    var joined =
        send(
            user,
            Users.MEMBERSHIP_CHANGED,
            orgB,
            membershipChanged(user, orgB, List.of("SUPERVISOR"), 2));

    assertThat(awaitMember(orgB, user, m -> true))
        .as("identity taken from the person's other membership")
        .isEqualTo(
            new Member(
                orgB,
                user,
                List.of("SUPERVISOR"),
                2,
                true,
                "Ploy",
                "Chaiyo",
                "ploy@example.test",
                "+66898765432",
                joined.occurredAt()));

    var updated =
        send(
            user,
            Users.UPDATED,
            orgA,
            updated(user, "Ploypailin", "Chaiyo-Smith", "ploy.cs@example.test", "+66811111111"));

    assertThat(awaitMember(orgA, user, m -> m.firstName().equals("Ploypailin")))
        .isEqualTo(
            new Member(
                orgA,
                user,
                List.of("TECHNICIAN"),
                0,
                true,
                "Ploypailin",
                "Chaiyo-Smith",
                "ploy.cs@example.test",
                "+66811111111",
                updated.occurredAt()));
    assertThat(members.find(orgB, user))
        .contains(
            new Member(
                orgB,
                user,
                List.of("SUPERVISOR"),
                2,
                true,
                "Ploypailin",
                "Chaiyo-Smith",
                "ploy.cs@example.test",
                "+66811111111",
                updated.occurredAt()));
    assertThat(awaitMember(orgA, colleague, m -> true).fullName()).isEqualTo("Anan Wongsa");
  }

  @Test
  void userDeactivatedMakesTheMemberInactiveInThatOrganisationOnly() {
    UUID orgA = UUID.randomUUID();
    UUID orgB = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    send(
        user,
        Users.REGISTERED,
        orgA,
        registered(
            user, orgA, "Niran", "Boonmee", "niran@example.test", null, List.of("TECHNICIAN"), 0));
    var joinedB =
        send(
            user,
            Users.MEMBERSHIP_CHANGED,
            orgB,
            membershipChanged(user, orgB, List.of("TECHNICIAN"), 0));

    var deactivated = send(user, Users.DEACTIVATED, orgA, deactivated(user, orgA));

    Member inA = awaitMember(orgA, user, m -> !m.active());
    assertThat(inA.active()).isFalse();
    assertThat(inA.updatedAt()).isEqualTo(deactivated.occurredAt());
    assertThat(inA.roles()).containsExactly("TECHNICIAN");
    assertThat(members.find(orgB, user).map(Member::active)).contains(true);
    assertThat(members.find(orgB, user).map(Member::updatedAt)).contains(joinedB.occurredAt());
    assertThat(members.staff(orgA)).isEmpty();
    assertThat(members.staff(orgB)).extracting(Member::userId).containsExactly(user);

    // the admin changes the deactivated member's roles: still deactivated
    Map<String, Object> stillInactive = membershipChanged(user, orgA, List.of("SUPERVISOR"), 2);
    stillInactive.put("active", false);
    var changed = send(user, Users.MEMBERSHIP_CHANGED, orgA, stillInactive);
    Member changedInA = awaitMember(orgA, user, m -> m.updatedAt().equals(changed.occurredAt()));
    assertThat(changedInA.roles()).containsExactly("SUPERVISOR");
    assertThat(changedInA.active()).isFalse();
    assertThat(members.staff(orgA)).isEmpty();
  }

  @Test
  void redeliveredEventIsAppliedOnce() {
    UUID org = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    send(
        user,
        Users.REGISTERED,
        org,
        registered(
            user, org, "Kanya", "Thongdee", "kanya@example.test", null, List.of("TECHNICIAN"), 0));
    var promoted =
        EventEnvelope.of(
            Users.MEMBERSHIP_CHANGED, org, membershipChanged(user, org, List.of("SUPERVISOR"), 2));
    byte[] promotedBytes = JSON.writeValueAsBytes(promoted);
    producer.send(Topics.USERS, user.toString(), promotedBytes);
    send(user, Users.MEMBERSHIP_CHANGED, org, membershipChanged(user, org, List.of("AGENT"), 1));

    // Kafka redelivers the promotion (same id): applied again it would undo the later change.
    producer.send(Topics.USERS, user.toString(), promotedBytes);
    // Same key, so same partition: once this marker is applied, so is the redelivery.
    send(user, Users.UPDATED, org, updated(user, "Marker", "Thongdee", "kanya@example.test", null));

    Member member = awaitMember(org, user, m -> "Marker".equals(m.firstName()));
    assertThat(member.roles()).containsExactly("AGENT");
    assertThat(member.level()).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE event_id = ?",
                Integer.class,
                promoted.id()))
        .isOne();
  }

  @Test
  void memberOfOneOrganisationIsNeverFoundForAnother() {
    UUID orgA = UUID.randomUUID();
    UUID orgB = UUID.randomUUID();
    UUID inA = UUID.randomUUID();
    UUID inB = UUID.randomUUID();
    send(
        inA,
        Users.REGISTERED,
        orgA,
        registered(inA, orgA, "Alice", "Walker", "alice@example.test", null, List.of("ADMIN"), 3));
    send(
        inB,
        Users.REGISTERED,
        orgB,
        registered(inB, orgB, "Ben", "Carter", "ben@example.test", null, List.of("TECHNICIAN"), 0));
    awaitMember(orgA, inA, m -> true);
    awaitMember(orgB, inB, m -> true);

    assertThat(members.find(orgB, inA)).isEmpty();
    assertThat(members.find(orgA, inB)).isEmpty();
    Map<UUID, Member> found = members.find(orgB, List.of(inA, inB));
    assertThat(found).containsOnlyKeys(inB);
    assertThat(found.get(inB).orgId()).isEqualTo(orgB);
    assertThat(members.find(orgA, List.of(inA, inB))).containsOnlyKeys(inA);
    assertThat(members.find(orgA, List.of())).isEmpty();
    assertThat(members.staff(orgB)).extracting(Member::userId).containsExactly(inB);
  }

  @Test
  void staffAreTheActiveMembersWithAnyRoleButCustomerByName() {
    UUID org = UUID.randomUUID();
    UUID chai = UUID.randomUUID();
    UUID ben = UUID.randomUUID();
    UUID anan = UUID.randomUUID();
    UUID dao = UUID.randomUUID();
    UUID ekk = UUID.randomUUID();
    send(
        chai,
        Users.REGISTERED,
        org,
        registered(chai, org, "Chai", "Dee", "c@example.test", null, List.of("TECHNICIAN"), 0));
    send(
        ben,
        Users.REGISTERED,
        org,
        registered(ben, org, "Ben", "Ngam", "b@example.test", null, List.of("CUSTOMER"), 0));
    send(
        anan,
        Users.REGISTERED,
        org,
        registered(anan, org, "anan", "Suk", "a@example.test", null, List.of("SUPERVISOR"), 2));
    send(
        ekk,
        Users.REGISTERED,
        org,
        registered(
            ekk, org, "Ekk", "Mee", "e@example.test", null, List.of("CUSTOMER", "TECHNICIAN"), 0));
    send(
        dao,
        Users.REGISTERED,
        org,
        registered(dao, org, "Dao", "Ruang", "d@example.test", null, List.of("AGENT"), 1));
    send(dao, Users.DEACTIVATED, org, deactivated(dao, org));
    awaitMember(org, dao, m -> !m.active());

    List<Member> staff =
        await().atMost(WAIT).until(() -> members.staff(org), list -> list.size() == 3);

    assertThat(staff)
        .extracting(Member::fullName)
        .containsExactly("anan Suk", "Chai Dee", "Ekk Mee");
    assertThat(members.find(org, ben).map(Member::isStaff)).contains(false);
  }

  @Test
  void malformedEventIsDeadLetteredAndLaterEventsStillApply() {
    UUID org = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    String key = user.toString();
    // a type this model does not read is skipped, whatever its data
    send(user, "user.password_changed", org, Map.of("user_id", "not even a uuid"));
    byte[] malformed =
        JSON.writeValueAsBytes(
            EventEnvelope.of(
                Users.REGISTERED,
                org,
                data("organization_id", org, "roles", List.of("TECHNICIAN"), "level", 0)));

    try (var dlt = new KafkaProbe(bootstrap, Topics.dlt(Topics.USERS))) {
      producer.send(Topics.USERS, key, malformed);
      var later =
          send(
              user,
              Users.REGISTERED,
              org,
              registered(
                  user, org, "Somsak", "Dee", "somsak@example.test", null, List.of("AGENT"), 1));

      ConsumerRecord<String, byte[]> dead = dlt.awaitKey(key);
      assertThat(dead.value()).isEqualTo(malformed);
      assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo("users");
      assertThat(header(dead, "kafka_dlt-exception-message")).contains("data.user_id is missing");
      // the skipped event came first on the same partition: it would be in the DLT before this one
      assertThat(dlt.seen()).filteredOn(r -> key.equals(r.key())).hasSize(1);

      assertThat(awaitMember(org, user, m -> true))
          .isEqualTo(
              new Member(
                  org,
                  user,
                  List.of("AGENT"),
                  1,
                  true,
                  "Somsak",
                  "Dee",
                  "somsak@example.test",
                  null,
                  later.occurredAt()));
    }
  }

  private Member awaitMember(UUID org, UUID user, Predicate<Member> state) {
    return await()
        .atMost(WAIT)
        .until(
            () -> members.find(org, user), member -> member.isPresent() && state.test(member.get()))
        .orElseThrow();
  }

  /** Sends a new envelope keyed by the user, as auth-service's outbox does. */
  private EventEnvelope<Map<String, Object>> send(
      UUID user, String type, UUID org, Map<String, Object> data) {
    EventEnvelope<Map<String, Object>> event = EventEnvelope.of(type, org, data);
    producer.send(Topics.USERS, user.toString(), JSON.writeValueAsBytes(event));
    return event;
  }

  /** UserEvents.UserRegistered. */
  private static Map<String, Object> registered(
      UUID user,
      UUID org,
      String firstName,
      String lastName,
      String email,
      String phone,
      List<String> roles,
      int level) {
    return data(
        "user_id",
        user,
        "username",
        email,
        "email",
        email,
        "first_name",
        firstName,
        "last_name",
        lastName,
        "phone_number",
        phone,
        "organization_id",
        org,
        "roles",
        roles,
        "level",
        level,
        "kind",
        roles.equals(List.of("CUSTOMER")) ? "CUSTOMER" : "STAFF");
  }

  /** UserEvents.MembershipChanged. */
  private static Map<String, Object> membershipChanged(
      UUID user, UUID org, List<String> roles, int level) {
    return data(
        "membership_id",
        UUID.randomUUID(),
        "user_id",
        user,
        "organization_id",
        org,
        "roles",
        roles,
        "level",
        level,
        "kind",
        "STAFF");
  }

  /** UserEvents.UserUpdated. */
  private static Map<String, Object> updated(
      UUID user, String firstName, String lastName, String email, String phone) {
    return data(
        "user_id",
        user,
        "username",
        email,
        "email",
        email,
        "first_name",
        firstName,
        "last_name",
        lastName,
        "phone_number",
        phone,
        "changed",
        List.of("first_name"));
  }

  /** UserEvents.UserDeactivated. */
  private static Map<String, Object> deactivated(UUID user, UUID org) {
    return data("user_id", user, "membership_id", UUID.randomUUID(), "organization_id", org);
  }

  /** JSON members in order, nulls kept (Map.of refuses them). */
  private static Map<String, Object> data(Object... namesAndValues) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      data.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return data;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as("header %s", name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
