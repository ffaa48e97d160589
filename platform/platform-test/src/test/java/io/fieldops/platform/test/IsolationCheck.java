package io.fieldops.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** What two @IntegrationTest classes both do to show they never share a database. */
final class IsolationCheck {

  private IsolationCheck() {}

  static void writeAndReadOnlyOwnRows(JdbcTemplate jdbc, Class<?> testClass) {
    jdbc.execute("create table if not exists visitor (test_class text primary key)");
    jdbc.update("insert into visitor values (?)", testClass.getName());

    List<String> visitors = jdbc.queryForList("select test_class from visitor", String.class);
    String database = jdbc.queryForObject("select current_database()", String.class);

    assertThat(visitors).containsExactly(testClass.getName());
    assertThat(database)
        .startsWith(
            SharedInfrastructure.databaseName(testClass.getName()).replaceAll("_\\d+$", ""));
  }
}
