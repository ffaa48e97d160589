package db.migration;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 11: one phone rule for the suite (platform-starter's {@code PhoneNumbers}). Until now
 * {@code app_user.phone} held E.164 and was unique; from now on it holds the number as written and
 * a new {@code phone_key} (E.164 where the number is valid, else its digits) carries the
 * uniqueness, so that two spellings of one number are one user.
 *
 * <p>Existing rows keep their {@code phone} (what was written is lost; E.164 is a faithful way to
 * show the number) and get the key the new rule would most likely give the number as it was typed
 * ({@link #reconstructKey}). Nobody is merged or dropped: should two rows end up with one key, the
 * older keeps it and the newer gets it suffixed with its id ({@link #assignKeys}), which the unique
 * constraint accepts and no lookup ever produces; each such case is logged.
 *
 * <p>A Java migration because the key needs libphonenumber. It is self-contained on purpose (no
 * application code): a migration must do tomorrow exactly what it did today.
 */
public class V4__Phone_key extends BaseJavaMigration {

  private static final Logger log = LoggerFactory.getLogger(V4__Phone_key.class);
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /** Separates a key from the id that keeps it unique when two rows would share it. */
  static final String DUPLICATE_SUFFIX = "#";

  /** A stored phone and the regions of the organisations its user belongs to, oldest user first. */
  public record StoredPhone(UUID userId, String phone, Set<String> regions) {}

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("alter table app_user drop constraint ck_app_user_phone");
      // as written, cleaned: at most the 40 characters the platform's rule reads
      ddl.execute("alter table app_user alter column phone type varchar(40)");
      // E.164 (at most 16) or up to 40 digits, plus room for a duplicate's suffix (# and a UUID)
      ddl.execute("alter table app_user add column phone_key varchar(80)");
    }
    Map<UUID, String> keys = assignKeys(storedPhones(connection));
    try (PreparedStatement update =
        connection.prepareStatement("update app_user set phone_key = ? where id = ?")) {
      for (Map.Entry<UUID, String> key : keys.entrySet()) {
        update.setString(1, key.getValue());
        update.setObject(2, key.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("alter table app_user drop constraint uk_app_user_phone");
      ddl.execute("alter table app_user add constraint uk_app_user_phone_key unique (phone_key)");
      ddl.execute(
          "alter table app_user add constraint ck_app_user_phone_key"
              + " check ((phone is null) = (phone_key is null))");
    }
    log.info("V4: phone keys for {} users", keys.size());
  }

  private static List<StoredPhone> storedPhones(Connection connection) throws SQLException {
    List<StoredPhone> stored = new ArrayList<>();
    try (Statement query = connection.createStatement();
        ResultSet rows =
            query.executeQuery(
                """
                select u.id, u.phone,
                       array_remove(array_agg(distinct o.default_phone_region), null) as regions
                from app_user u
                left join membership m on m.user_id = u.id
                left join organisation o on o.id = m.organisation_id
                where u.phone is not null
                group by u.id, u.phone, u.created_at
                order by u.created_at, u.id
                """)) {
      while (rows.next()) {
        Array regions = rows.getArray("regions");
        stored.add(
            new StoredPhone(
                rows.getObject("id", UUID.class),
                rows.getString("phone"),
                new HashSet<>(Arrays.asList((String[]) regions.getArray()))));
      }
    }
    return stored;
  }

  /**
   * The key of each stored phone, in the order given (oldest user first); a key already given to an
   * earlier row is suffixed with the row's id, and logged.
   */
  public static Map<UUID, String> assignKeys(List<StoredPhone> stored) {
    Map<UUID, String> keys = new LinkedHashMap<>();
    Map<String, UUID> holders = new LinkedHashMap<>();
    for (StoredPhone phone : stored) {
      String key = reconstructKey(phone.phone(), phone.regions());
      UUID holder = holders.putIfAbsent(key, phone.userId());
      if (holder != null) {
        String unique = key + DUPLICATE_SUFFIX + phone.userId();
        log.warn(
            "V4: user {} ({}) would share the phone key {} with user {}; kept as {}: both users"
                + " stay, only {} is found by that phone. Change one of the numbers to resolve.",
            phone.userId(),
            phone.phone(),
            key,
            holder,
            unique,
            holder);
        key = unique;
      }
      keys.put(phone.userId(), key);
    }
    return keys;
  }

  /**
   * The key the new rule would give the number that was typed, reconstructed from the E.164 form
   * the old rule stored ({@code +<country><national significant number>}).
   *
   * <ul>
   *   <li>Valid in its country: its E.164, which the new rule gives it however it is typed.
   *   <li>Not valid, and of the country of one of the user's organisations (whose region numbers
   *       without {@code +} were read in): most likely typed without {@code +}, as the user
   *       documents' placeholders are, so its national significant number's digits: {@code
   *       +661234567890}, stored for an agent booking's {@code 1234567890} in a Thai organisation,
   *       gets {@code 1234567890}, which is what the new rule gives {@code 1234567890} there.
   *   <li>Not valid, of another country: it must have been typed with {@code +}, and the new rule
   *       keys an international number by its E.164 ({@code +15551234567}, seed 002's fictional US
   *       number registered in a Thai organisation).
   *   <li>A user without organisation: no region to go by, treated as the first case above.
   *   <li>Unreadable (a country code libphonenumber does not know): the stored value, which stays
   *       unique and which the new rule, refusing it, will never look for.
   * </ul>
   *
   * @param stored E.164, as the old rule stored it
   * @param regions ISO 3166 codes of the organisations the user belongs to
   */
  public static String reconstructKey(String stored, Collection<String> regions) {
    PhoneNumber number;
    try {
      number = UTIL.parse(stored, "ZZ");
    } catch (NumberParseException unreadable) {
      return stored;
    }
    if (UTIL.isValidNumber(number)) {
      return UTIL.format(number, PhoneNumberFormat.E164);
    }
    boolean ownCountry =
        regions.isEmpty()
            || regions.stream()
                .anyMatch(
                    region ->
                        UTIL.getCountryCodeForRegion(region.toUpperCase(Locale.ROOT))
                            == number.getCountryCode());
    return ownCountry
        ? UTIL.getNationalSignificantNumber(number)
        : UTIL.format(number, PhoneNumberFormat.E164);
  }
}
