package io.fieldops.auth.it;

import static io.fieldops.auth.it.ProvisioningIT.bookingServiceToken;
import static io.fieldops.auth.it.ProvisioningIT.provision;
import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.events.config.PlatformEventsAutoConfiguration;
import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.SharedInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Migration V4 on data of the V3 shape: a database migrated to V3 by hand and filled with users
 * whose phones are E.164, as the old rule stored them; then the application starts on it, which
 * runs V4 (and V5) the way every deployment will, and must find everyone by the new rule.
 */
class PhoneKeyMigrationIT extends AuthIntegrationTest {

  static final UUID ORG_TH = UUID.randomUUID();
  static final UUID ORG_US = UUID.randomUUID();

  /** Self-registered, a valid Thai mobile. */
  static final UUID THAI_MOBILE = UUID.randomUUID();

  /** An agent booking's seed-001 placeholder "1234567890" in a Thai organisation. */
  static final UUID PLACEHOLDER = UUID.randomUUID();

  /** Seed 002's fictional US number, registered in a Thai organisation. */
  static final UUID FICTIONAL_US = UUID.randomUUID();

  /** An invalid US number whose digits are the placeholder's: newer, so it yields the key. */
  static final UUID US_TWIN = UUID.randomUUID();

  static final UUID NO_PHONE = UUID.randomUUID();

  /** The legacy database, prepared once, before the application's context is built. */
  private static final class Legacy {
    static final String URL = prepare();
  }

  @DynamicPropertySource
  static void legacyDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> Legacy.URL);
  }

  @Autowired JdbcTemplate jdbc;

  private static String prepare() {
    SharedInfrastructure infrastructure = SharedInfrastructure.get();
    String url = infrastructure.createDatabase(PhoneKeyMigrationIT.class.getName() + "-v3");
    Flyway.configure()
        .dataSource(url, infrastructure.jdbcUsername(), infrastructure.jdbcPassword())
        .locations("classpath:db/migration", PlatformEventsAutoConfiguration.MIGRATION_LOCATION)
        .outOfOrder(true)
        .target("3")
        .load()
        .migrate();
    String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    try (Connection db =
        DriverManager.getConnection(
            url, infrastructure.jdbcUsername(), infrastructure.jdbcPassword())) {
      organisation(db, ORG_TH, "legacy-th", "TH", t);
      organisation(db, ORG_US, "legacy-us", "US", t);
      user(db, THAI_MOBILE, "somchai@legacy.example", "+66812345678", hash, t.plusSeconds(1));
      user(db, PLACEHOLDER, null, "+661234567890", null, t.plusSeconds(2));
      user(db, FICTIONAL_US, "seed002@legacy.example", "+15551234567", hash, t.plusSeconds(3));
      user(db, US_TWIN, "twin@legacy.example", "+11234567890", hash, t.plusSeconds(4));
      user(db, NO_PHONE, "nophone@legacy.example", null, hash, t.plusSeconds(5));
      member(db, THAI_MOBILE, ORG_TH, t);
      member(db, PLACEHOLDER, ORG_TH, t);
      member(db, FICTIONAL_US, ORG_TH, t);
      member(db, US_TWIN, ORG_US, t);
      member(db, NO_PHONE, ORG_US, t);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot fill the V3 database", e);
    }
    return url;
  }

  private static void organisation(Connection db, UUID id, String slug, String region, Instant at)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into organisation (id, slug, name, default_phone_region, created_at)"
                + " values (?, ?, ?, ?, ?)")) {
      insert.setObject(1, id);
      insert.setString(2, slug);
      insert.setString(3, slug);
      insert.setString(4, region);
      insert.setTimestamp(5, Timestamp.from(at));
      insert.executeUpdate();
    }
  }

  /** A user as V1-V3 stored them: phone E.164, username the email, or the phone for agents'. */
  private static void user(
      Connection db, UUID id, String email, String phone, String hash, Instant at)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into app_user (id, username, email, phone, first_name, last_name,"
                + " password_hash, created_at, updated_at) values (?, ?, ?, ?, 'Legacy', 'User',"
                + " ?, ?, ?)")) {
      insert.setObject(1, id);
      insert.setString(2, email != null ? email : phone);
      insert.setString(3, email);
      insert.setString(4, phone);
      insert.setString(5, hash);
      insert.setTimestamp(6, Timestamp.from(at));
      insert.setTimestamp(7, Timestamp.from(at));
      insert.executeUpdate();
    }
  }

  private static void member(Connection db, UUID user, UUID organisation, Instant at)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into membership (id, user_id, organisation_id, roles, level, kind, created_at)"
                + " values (?, ?, ?, array['CUSTOMER'], 0, 'CUSTOMER', ?)")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setObject(2, user);
      insert.setObject(3, organisation);
      insert.setTimestamp(4, Timestamp.from(at));
      insert.executeUpdate();
    }
  }

  private Http.Response loginByPhone(String phone, String organisation) {
    return http()
        .postJson(
            "/api/auth/login/",
            """
            {"phone_number": "%s", "password": "%s", "organization": "%s"}
            """
                .formatted(phone, PASSWORD, organisation));
  }

  @Test
  void everyStoredPhoneGetsItsKeyAndNobodyIsMergedOrLost() {
    Map<UUID, String> rows = new HashMap<>();
    jdbc.query(
        "select id, coalesce(phone, '-') || ' ' || coalesce(phone_key, '-') as phones"
            + " from app_user where id in (?, ?, ?, ?, ?)",
        rs -> {
          rows.put(rs.getObject("id", UUID.class), rs.getString("phones"));
        },
        THAI_MOBILE,
        PLACEHOLDER,
        FICTIONAL_US,
        US_TWIN,
        NO_PHONE);

    // phone keeps its value; phone_key is what the new rule gives the number as it was typed
    assertThat(rows)
        .containsOnly(
            Map.entry(THAI_MOBILE, "+66812345678 +66812345678"),
            Map.entry(PLACEHOLDER, "+661234567890 1234567890"),
            Map.entry(FICTIONAL_US, "+15551234567 +15551234567"),
            // same digits as the older placeholder: kept, with a key of its own
            Map.entry(US_TWIN, "+11234567890 1234567890#" + US_TWIN),
            Map.entry(NO_PHONE, "- -"));
    assertThat(
            jdbc.queryForList(
                "select conname from pg_constraint where conrelid = 'app_user'::regclass",
                String.class))
        .contains("uk_app_user_phone_key", "ck_app_user_phone_key", "uk_app_user_username")
        .doesNotContain("uk_app_user_phone", "ck_app_user_phone");
    assertThat(
            jdbc.queryForObject(
                "select type || ' ' || description || ' ' || success from flyway_schema_history"
                    + " where version = '4'",
                String.class))
        .isEqualTo("JDBC Phone key true");
    assertThat(
            jdbc.queryForList(
                "select slug || ' ' || default_phone_region || ' ' || strict_phone_validation"
                    + " from organisation where id in (?, ?) order by slug",
                String.class,
                ORG_TH,
                ORG_US))
        .containsExactly("legacy-th TH false", "legacy-us US false");
  }

  @Test
  void theMigratedUsersAreFoundByTheNewRule() {
    Http.Response thai = loginByPhone("081-234-5678", "legacy-th");
    assertThat(thai.status()).as(thai.body()).isEqualTo(200);
    assertThat(thai.json().path("user").path("id").asString()).isEqualTo(THAI_MOBILE.toString());
    // stored before the rule kept numbers as written: shown as stored
    assertThat(thai.json().path("user").path("phone_number").asString()).isEqualTo("+66812345678");

    Http.Response american = loginByPhone("+1 555 123 4567", "legacy-th");
    assertThat(american.status()).as(american.body()).isEqualTo(200);
    assertThat(american.json().path("user").path("id").asString())
        .isEqualTo(FICTIONAL_US.toString());

    // the agent booking's seed-001 phone, typed again, is the user it created then
    assertJson(
        provision(
            http(),
            bookingServiceToken(http()),
            "{\"phone\": \"1234567890\", \"organization\": \"legacy-th\"}"),
        200,
        """
        {"created": false,
         "user": {"id": "%s", "username": "+661234567890", "first_name": "Legacy",
                  "last_name": "User", "email": null, "phone": "+661234567890",
                  "is_active": true}}
        """
            .formatted(PLACEHOLDER));

    // and a migrated number is taken in any spelling
    Http.Response taken =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "New", "phone_number": "(081) 234 5678",
                 "password1": "%s", "password2": "%s", "organization": "legacy-th"}
                """
                    .formatted(uniqueEmail("late"), PASSWORD, PASSWORD));
    assertThat(taken.status()).as(taken.body()).isEqualTo(409);
    assertThat(taken.json().path("details").path("phone_number").asString())
        .isEqualTo("A user with that phone number already exists.");
  }
}
