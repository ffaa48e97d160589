package io.fieldops.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarFreshnessTest {

  private static final FileTime T0 = FileTime.from(Instant.parse("2026-01-01T10:00:00Z"));
  private static final FileTime T1 = FileTime.from(Instant.parse("2026-01-01T11:00:00Z"));

  @TempDir Path repo;

  private final ServiceSpec gateway = ServiceCatalog.byName("gateway").orElseThrow();

  @Test
  void theRule() {
    assertThat(JarFreshness.isStale(Optional.empty(), Optional.of(T0))).as("no jar").isTrue();
    assertThat(JarFreshness.isStale(Optional.of(T0), Optional.of(T1))).as("newer source").isTrue();
    assertThat(JarFreshness.isStale(Optional.of(T1), Optional.of(T0))).as("older source").isFalse();
    assertThat(JarFreshness.isStale(Optional.of(T0), Optional.of(T0))).as("same time").isFalse();
    assertThat(JarFreshness.isStale(Optional.of(T0), Optional.empty())).as("no sources").isFalse();
  }

  @Test
  void aJarNewerThanEverySourceIsCurrent() throws IOException {
    write("gateway/src/main/java/G.java", T0);
    write("platform/platform-starter/pom.xml", T0);
    write("pom.xml", T0);
    write("gateway/target/gateway.jar", T1);

    assertThat(JarFreshness.isStale(repo, gateway)).isFalse();
  }

  @Test
  void aChangeInPlatformMakesTheJarOfAModuleThatUsesItStale() throws IOException {
    write("gateway/pom.xml", "<artifactId>platform-starter</artifactId>", T0);
    write("gateway/target/gateway.jar", T0);
    write("platform/platform-starter/src/main/java/P.java", T1);

    assertThat(JarFreshness.isStale(repo, gateway)).isTrue();
  }

  @Test
  void aChangeInPlatformLeavesAModuleWithoutItCurrent() throws IOException {
    write("gateway/pom.xml", "<artifactId>spring-cloud-starter-gateway</artifactId>", T0);
    write("gateway/target/gateway.jar", T0);
    write("platform/platform-starter/src/main/java/P.java", T1);

    assertThat(JarFreshness.isStale(repo, gateway)).isFalse();
  }

  @Test
  void buildOutputDoesNotCountAsSource() throws IOException {
    write("gateway/src/main/java/G.java", T0);
    write("gateway/target/gateway.jar", T0);
    write("gateway/target/classes/G.class", T1);
    write("platform/platform-starter/target/platform-starter.jar", T1);

    assertThat(JarFreshness.isStale(repo, gateway)).isFalse();
  }

  @Test
  void aMissingJarIsStale() throws IOException {
    write("gateway/pom.xml", T0);

    assertThat(JarFreshness.isStale(repo, gateway)).isTrue();
  }

  private void write(String path, FileTime time) throws IOException {
    write(path, path, time);
  }

  private void write(String path, String content, FileTime time) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, time);
  }
}
