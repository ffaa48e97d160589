package io.fieldops.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PlatformDatabaseAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(PlatformDatabaseAutoConfiguration.class));

  @Test
  void everyHikariPoolEvictsItselfWhenTheDatabaseIsLost() {
    runner
        .withBean("dataSource", HikariDataSource.class, HikariDataSource::new)
        .run(
            context ->
                assertThat(context.getBean(HikariDataSource.class).getExceptionOverride())
                    .isInstanceOf(LostDatabaseEviction.class));
  }

  @Test
  void aServicesOwnExceptionOverrideIsKept() {
    runner
        .withBean(
            "dataSource",
            HikariDataSource.class,
            () -> {
              HikariDataSource dataSource = new HikariDataSource();
              dataSource.setExceptionOverrideClassName(OwnOverride.class.getName());
              return dataSource;
            })
        .run(
            context -> {
              HikariDataSource dataSource = context.getBean(HikariDataSource.class);
              assertThat(dataSource.getExceptionOverride()).isInstanceOf(OwnOverride.class);
            });
  }

  public static final class OwnOverride implements SQLExceptionOverride {}
}
