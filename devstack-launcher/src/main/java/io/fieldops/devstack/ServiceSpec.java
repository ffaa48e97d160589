package io.fieldops.devstack;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One runnable module of the suite as the launcher sees it.
 *
 * @param name the service id, also the log file name and the Eureka application name
 * @param module the Maven module directory, relative to the repository root
 * @param basePort the port at offset 0 (docs/architecture.md "Modules and ports")
 * @param database the PostgreSQL database the service owns, or {@code null} for none
 * @param role what the launcher must do around it (order and extra arguments)
 */
public record ServiceSpec(String name, String module, int basePort, String database, Role role) {

  /** Where the service sits in the start order, and which arguments it needs. */
  public enum Role {
    /** The Eureka server: started first, alone. */
    DISCOVERY,
    /** The edge: needs discovery and the JWT settings, no database. */
    GATEWAY,
    /** auth-service: additionally gets the demo organisation and admin. */
    IDENTITY,
    /** Any other business service. */
    BUSINESS
  }

  public ServiceSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(role, "role");
  }

  public Optional<String> databaseName() {
    return Optional.ofNullable(database);
  }

  /** The executable Boot jar, by the build's {@code <module>/target/<module>.jar} convention. */
  public Path jar(Path repoRoot) {
    Path dir = repoRoot.resolve(module);
    return dir.resolve("target").resolve(dir.getFileName() + ".jar");
  }

  public Path moduleDir(Path repoRoot) {
    return repoRoot.resolve(module);
  }
}
