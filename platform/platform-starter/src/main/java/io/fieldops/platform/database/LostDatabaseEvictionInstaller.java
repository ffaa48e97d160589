package io.fieldops.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives every Hikari pool of the application (Boot's, or one a service defines) a {@link
 * LostDatabaseEviction}. Runs after the pool's properties are bound and before its first connection
 * starts it, since a started pool's configuration is sealed. A service that configured its own
 * exception override ({@code spring.datasource.hikari.exception-override-class-name}) keeps it.
 */
final class LostDatabaseEvictionInstaller implements BeanPostProcessor {

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource dataSource
        && dataSource.getHikariPoolMXBean() == null
        // also set by the class name property, which Hikari instantiates at once
        && dataSource.getExceptionOverride() == null) {
      dataSource.setExceptionOverride(
          new LostDatabaseEviction(dataSource::getPoolName, dataSource::getHikariPoolMXBean));
    }
    return bean;
  }
}
