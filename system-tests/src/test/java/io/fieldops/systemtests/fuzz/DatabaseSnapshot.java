package io.fieldops.systemtests.fuzz;

import io.fieldops.devstack.Devstack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fingerprint of every row of every service's database (an MD5 of each table's rows in order), to
 * prove that refused requests changed nothing. The outbox's bookkeeping is left out: it records
 * when events were sent, which goes on after a request has been answered.
 */
public record DatabaseSnapshot(Map<String, String> tables) {

  private static final List<String> DATABASES =
      List.of("auth", "customer", "booking", "ticket", "jobcard", "notification");
  private static final Set<String> BOOKKEEPING =
      Set.of("event_publication", "event_publication_archive", "flyway_schema_history");

  public static DatabaseSnapshot of(Devstack stack) {
    return of(stack::jdbcUrl);
  }

  /**
   * @param jdbcUrl the URL of a service's database by its name
   */
  public static DatabaseSnapshot of(java.util.function.Function<String, String> jdbcUrl) {
    Map<String, String> tables = new TreeMap<>();
    for (String database : DATABASES) {
      try (Connection connection =
              DriverManager.getConnection(jdbcUrl.apply(database), "postgres", "postgres");
          Statement statement = connection.createStatement()) {
        List<String> names = new ArrayList<>();
        try (ResultSet rows =
            statement.executeQuery(
                "select table_schema || '.' || table_name from information_schema.tables"
                    + " where table_type = 'BASE TABLE'"
                    + " and table_schema not in ('pg_catalog', 'information_schema')")) {
          while (rows.next()) {
            names.add(rows.getString(1));
          }
        }
        for (String name : names) {
          if (BOOKKEEPING.contains(name.substring(name.indexOf('.') + 1))) {
            continue;
          }
          try (ResultSet rows =
              statement.executeQuery(
                  "select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '')"
                      + " from "
                      + name
                      + " t")) {
            rows.next();
            tables.put(database + "." + name, rows.getString(1));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read database " + database, e);
      }
    }
    return new DatabaseSnapshot(tables);
  }

  /** The tables whose rows differ from {@code before}'s, with their row counts then and now. */
  public List<String> changedSince(DatabaseSnapshot before) {
    List<String> changed = new ArrayList<>();
    tables.forEach(
        (table, fingerprint) -> {
          String then = before.tables().getOrDefault(table, "absent");
          if (!fingerprint.equals(then)) {
            changed.add(table + " (rows " + count(then) + " -> " + count(fingerprint) + ")");
          }
        });
    return changed;
  }

  private static String count(String fingerprint) {
    return fingerprint.split(":", 2)[0];
  }
}
