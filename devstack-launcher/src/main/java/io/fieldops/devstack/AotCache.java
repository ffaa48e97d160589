package io.fieldops.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * JDK 25's ahead-of-time cache (JEP 483, 514, 515) for one service: the classes it loads and links
 * and the profiles of its methods, recorded once by a training run and mapped by every later start,
 * which then skips most of the class loading that makes eight JVMs on two cores slow to start.
 *
 * <p>The cache fits one classpath and one JDK: Spring Boot's nested jars cannot be cached, so the
 * service runs from its jar extracted ({@code java -Djarmode=tools -jar ... extract}) under {@code
 * <module>/target/aot/}, and a stamp of the jar (size, modification time) and the JDK version tells
 * a cache of an earlier build from a current one. The training run is the service itself with
 * {@code -Dspring.context.exit=onRefresh}: it starts against the running stack's database and
 * broker, refreshes its context and exits, and the JVM writes the cache as it exits.
 */
final class AotCache {

  private static final String STAMP = "stamp";

  private final Path home;
  private final Path jar;
  private final JvmSettings jvm;

  private AotCache(Path home, Path jar, JvmSettings jvm) {
    this.home = home;
    this.jar = jar;
    this.jvm = jvm;
  }

  /** One cache per purpose of the JVM flags: a cache fits the flags it was trained with. */
  static AotCache of(ServiceSpec spec, Path repoRoot, JvmSettings jvm) {
    Path jar = spec.jar(repoRoot);
    return new AotCache(
        jar.getParent().resolve("aot").resolve(jvm.purpose().name().toLowerCase(Locale.ROOT)),
        jar,
        jvm);
  }

  /** Whether {@code java} can make and use an AOT cache in one step (JDK 25 and later). */
  static boolean supportedBy(Path java) {
    Path own = Path.of(System.getProperty("java.home"), "bin", "java");
    // only the launcher's own JDK is known without starting it; JvmSettings uses it by default
    return own.equals(java) && Runtime.version().feature() >= 25;
  }

  /** The flags and jar of a start that maps the cache, when a current one exists. */
  Optional<List<String>> flags() {
    if (!isCurrent()) {
      return Optional.empty();
    }
    return Optional.of(List.of("-XX:AOTCache=" + cache()));
  }

  /** The jar to run: the extracted one (the cache is only valid for it). */
  Path application() {
    return home.resolve("app").resolve(jar.getFileName());
  }

  /** Extracts the jar afresh; what an earlier build left is removed first. */
  void extract() throws IOException, InterruptedException {
    delete(home);
    Files.createDirectories(home);
    Process process =
        new ProcessBuilder(
                jvm.java().toString(),
                "-Djarmode=tools",
                "-jar",
                jar.toString(),
                "extract",
                "--destination",
                home.resolve("app").toString())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("extract.log").toFile())
            .start();
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("could not extract " + jar + " (see " + home.resolve("extract.log"));
    }
  }

  /** The flags of the training run. */
  List<String> trainingFlags() {
    return List.of("-XX:AOTCacheOutput=" + cache(), "-Dspring.context.exit=onRefresh");
  }

  /** After a training run: true when it wrote the cache, which is then stamped as current. */
  boolean recordTraining() throws IOException {
    if (!Files.isRegularFile(cache())) {
      return false;
    }
    Files.writeString(home.resolve(STAMP), expectedStamp());
    return true;
  }

  Path cache() {
    return home.resolve("app.aot");
  }

  boolean isCurrent() {
    try {
      return Files.isRegularFile(cache())
          && Files.isRegularFile(application())
          && Files.readString(home.resolve(STAMP)).equals(expectedStamp());
    } catch (IOException e) {
      return false;
    }
  }

  private String expectedStamp() {
    try {
      return Files.size(jar)
          + " "
          + Files.getLastModifiedTime(jar).toMillis()
          + " "
          + Runtime.version()
          + " "
          + String.join(" ", jvm.serviceFlags());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
