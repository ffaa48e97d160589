package io.fieldops.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

  @TempDir Path repo;

  private final ServiceSpec spec = ServiceCatalog.byName("customer-service").orElseThrow();

  private AotCache cache() throws Exception {
    Path jar = spec.jar(repo);
    if (!Files.exists(jar)) {
      Files.createDirectories(jar.getParent());
      Files.writeString(jar, "a jar");
    }
    return AotCache.of(spec, repo, new JvmSettings(Path.of("java"), "256m", "512m"));
  }

  @Test
  void theServiceRunsFromItsExtractedJarBesideTheBuildsOne() throws Exception {
    AotCache aot = cache();

    assertThat(aot.application())
        .isEqualTo(repo.resolve("customer-service/target/aot/footprint/app/customer-service.jar"));
    assertThat(aot.cache())
        .isEqualTo(repo.resolve("customer-service/target/aot/footprint/app.aot"));
    assertThat(aot.trainingFlags())
        .containsExactly("-XX:AOTCacheOutput=" + aot.cache(), "-Dspring.context.exit=onRefresh");
  }

  @Test
  void aCacheIsUsedOnlyOnceTrainedAndOnlyForTheJarItWasTrainedOn() throws Exception {
    AotCache aot = cache();
    assertThat(aot.isCurrent()).isFalse();
    assertThat(aot.flags()).isEmpty();
    // a training run that wrote nothing
    Files.createDirectories(aot.application().getParent());
    Files.writeString(aot.application(), "extracted");
    assertThat(aot.recordTraining()).isFalse();
    assertThat(aot.isCurrent()).isFalse();

    Files.writeString(aot.cache(), "cache");
    assertThat(aot.recordTraining()).isTrue();
    assertThat(aot.isCurrent()).isTrue();
    assertThat(aot.flags()).contains(java.util.List.of("-XX:AOTCache=" + aot.cache()));

    // the jar rebuilt: the cache is of another classpath
    Files.writeString(spec.jar(repo), "a rebuilt jar");
    Files.setLastModifiedTime(spec.jar(repo), FileTime.from(Instant.now().plusSeconds(5)));
    assertThat(aot.isCurrent()).isFalse();
  }

  @Test
  void onlyTheLaunchersOwnJdkOf25OrLaterIsTrusted() {
    assertThat(AotCache.supportedBy(Path.of("/somewhere/else/bin/java"))).isFalse();
    assertThat(AotCache.supportedBy(Path.of(System.getProperty("java.home"), "bin", "java")))
        .isEqualTo(Runtime.version().feature() >= 25);
  }

  @Test
  void eachPurposeOfTheJvmFlagsHasItsOwnCache() throws Exception {
    AotCache footprint = cache();
    AotCache production =
        AotCache.of(
            spec,
            repo,
            new JvmSettings(Path.of("java"), "256m", "512m", JvmSettings.Purpose.PRODUCTION));

    assertThat(production.cache())
        .isEqualTo(repo.resolve("customer-service/target/aot/production/app.aot"));
    assertThat(production.cache()).isNotEqualTo(footprint.cache());
  }
}
