package io.fieldops.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Connection pool defaults of a service that has a database: after the database restarts, one
 * failure per pool rather than one per pooled connection ({@link LostDatabaseEviction}).
 */
@AutoConfiguration
@ConditionalOnClass(HikariDataSource.class)
public class PlatformDatabaseAutoConfiguration {

  // static: a BeanPostProcessor is created before the other beans, without this class's instance
  @Bean
  static LostDatabaseEvictionInstaller lostDatabaseEvictionInstaller() {
    return new LostDatabaseEvictionInstaller();
  }
}
