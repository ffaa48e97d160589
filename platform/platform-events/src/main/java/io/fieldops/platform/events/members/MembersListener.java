package io.fieldops.platform.events.members;

import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.EventTypes.Users;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.consumer.ProcessedEvents;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code organisation_member} in step with auth-service's topic {@code users}. Each service
 * that enables the read model consumes the whole topic in a group of its own, from the oldest
 * retained event, and applies each event once ({@link ProcessedEvents}).
 *
 * <p>An event of a known type that lacks what the model needs (no user id, no roles) throws: the
 * platform's error handler retries it and then parks it in {@code users.DLT}, where it can be
 * inspected, rather than the model silently drifting from auth-service.
 */
public class MembersListener {

  /** This consumer's name in {@code processed_event}. */
  static final String CONSUMER = "platform.organisation-members";

  private static final Logger log = LoggerFactory.getLogger(MembersListener.class);

  // The wire format is snake_case by contract (auth-service's UserEvents), whatever the consuming
  // service configures for its own mapper; members this model does not read are ignored, so
  // auth-service can add some without breaking it.
  private static final JsonMapper WIRE =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final ProcessedEvents processedEvents;
  private final JdbcClient jdbc;

  public MembersListener(ProcessedEvents processedEvents, JdbcClient jdbc) {
    this.processedEvents = processedEvents;
    this.jdbc = jdbc;
  }

  /** The members of auth-service's payloads (UserEvents) this model reads. */
  record Registered(
      UUID userId,
      UUID organizationId,
      List<String> roles,
      Integer level,
      String firstName,
      String lastName,
      String email,
      String phoneNumber) {}

  /** {@code active} absent (events published before it existed): the membership is active. */
  record MembershipChanged(
      UUID userId, UUID organizationId, List<String> roles, Integer level, Boolean active) {}

  record Updated(
      UUID userId, String firstName, String lastName, String email, String phoneNumber) {}

  record Deactivated(UUID userId, UUID organizationId) {}

  @KafkaListener(topics = Topics.USERS, groupId = "${spring.application.name}.members")
  @Transactional
  public void on(EventEnvelope<JsonNode> event) {
    Consumer<EventEnvelope<JsonNode>> change =
        switch (event.type()) {
          case Users.REGISTERED -> this::registered;
          case Users.MEMBERSHIP_CHANGED -> this::membershipChanged;
          case Users.UPDATED -> this::updated;
          case Users.DEACTIVATED -> this::deactivated;
          default -> null; // not about membership or identity
        };
    if (change == null || !processedEvents.firstTime(CONSUMER, event.id())) {
      return;
    }
    change.accept(event);
  }

  private void registered(EventEnvelope<JsonNode> event) {
    Registered data = read(event, Registered.class);
    require(event, data.userId(), "user_id");
    require(event, data.roles(), "roles");
    require(event, data.level(), "level");
    UUID orgId = orgOf(event, data.organizationId());
    jdbc.sql(
            """
            INSERT INTO organisation_member (org_id, user_id, roles, level, active, first_name,
                                             last_name, email, phone_number, updated_at)
            VALUES (:org, :user, :roles, :level, true, :first, :last, :email, :phone, :at)
            ON CONFLICT (org_id, user_id) DO UPDATE
              SET roles = excluded.roles, level = excluded.level, active = true,
                  first_name = excluded.first_name, last_name = excluded.last_name,
                  email = excluded.email, phone_number = excluded.phone_number,
                  updated_at = excluded.updated_at
            """)
        .param("org", orgId)
        .param("user", data.userId())
        .param("roles", data.roles().toArray(String[]::new))
        .param("level", data.level())
        .param("first", data.firstName())
        .param("last", data.lastName())
        .param("email", data.email())
        .param("phone", data.phoneNumber())
        .param("at", event.occurredAt().atOffset(ZoneOffset.UTC))
        .update();
    log.debug("Member {} of {} registered as {}", data.userId(), orgId, data.roles());
  }

  /**
   * Roles and level of one membership; a membership that is new here takes the person's identity
   * from another organisation's row, since an existing person who joins an organisation gets no
   * user.registered (identity is global, and the joining organisation may see it).
   */
  private void membershipChanged(EventEnvelope<JsonNode> event) {
    MembershipChanged data = read(event, MembershipChanged.class);
    require(event, data.userId(), "user_id");
    require(event, data.roles(), "roles");
    require(event, data.level(), "level");
    UUID orgId = orgOf(event, data.organizationId());
    jdbc.sql(
            """
            INSERT INTO organisation_member (org_id, user_id, roles, level, active, first_name,
                                             last_name, email, phone_number, updated_at)
            SELECT :org, :user, CAST(:roles AS text[]), :level, :active, known.first_name,
                   known.last_name, known.email, known.phone_number, CAST(:at AS timestamptz)
            FROM (SELECT 1) AS one
            LEFT JOIN LATERAL (
              SELECT first_name, last_name, email, phone_number FROM organisation_member
              WHERE user_id = :user ORDER BY updated_at DESC LIMIT 1) AS known ON true
            ON CONFLICT (org_id, user_id) DO UPDATE
              SET roles = excluded.roles, level = excluded.level, active = excluded.active,
                  updated_at = excluded.updated_at
            """)
        .param("org", orgId)
        .param("user", data.userId())
        .param("roles", data.roles().toArray(String[]::new))
        .param("level", data.level())
        .param("active", !Boolean.FALSE.equals(data.active()))
        .param("at", event.occurredAt().atOffset(ZoneOffset.UTC))
        .update();
    log.debug("Member {} of {} now {} level {}", data.userId(), orgId, data.roles(), data.level());
  }

  /** Identity is global: the same person reads the same in every organisation they belong to. */
  private void updated(EventEnvelope<JsonNode> event) {
    Updated data = read(event, Updated.class);
    require(event, data.userId(), "user_id");
    jdbc.sql(
            """
            UPDATE organisation_member
            SET first_name = :first, last_name = :last, email = :email, phone_number = :phone,
                updated_at = :at
            WHERE user_id = :user
            """)
        .param("user", data.userId())
        .param("first", data.firstName())
        .param("last", data.lastName())
        .param("email", data.email())
        .param("phone", data.phoneNumber())
        .param("at", event.occurredAt().atOffset(ZoneOffset.UTC))
        .update();
  }

  private void deactivated(EventEnvelope<JsonNode> event) {
    Deactivated data = read(event, Deactivated.class);
    require(event, data.userId(), "user_id");
    UUID orgId = orgOf(event, data.organizationId());
    jdbc.sql(
            """
            UPDATE organisation_member SET active = false, updated_at = :at
            WHERE org_id = :org AND user_id = :user
            """)
        .param("org", orgId)
        .param("user", data.userId())
        .param("at", event.occurredAt().atOffset(ZoneOffset.UTC))
        .update();
    log.debug("Member {} of {} deactivated", data.userId(), orgId);
  }

  private static <T> T read(EventEnvelope<JsonNode> event, Class<T> type) {
    if (event.data() == null || !event.data().isObject()) {
      throw malformed(event, "data is not an object");
    }
    return WIRE.treeToValue(event.data(), type);
  }

  /** The payload names the organisation; older events may only carry it in the envelope. */
  private static UUID orgOf(EventEnvelope<JsonNode> event, UUID organizationId) {
    return organizationId != null ? organizationId : event.orgId();
  }

  private static void require(EventEnvelope<JsonNode> event, Object value, String member) {
    if (value == null) {
      throw malformed(event, "data." + member + " is missing");
    }
  }

  private static IllegalArgumentException malformed(EventEnvelope<JsonNode> event, String why) {
    return new IllegalArgumentException(
        "Malformed " + event.type() + " event " + event.id() + ": " + why);
  }
}
