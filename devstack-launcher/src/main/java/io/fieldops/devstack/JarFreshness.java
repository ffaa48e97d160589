package io.fieldops.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a module's jar still matches its sources: the same rule as the {@code ./devstack}
 * script's {@code find -newer} check (the jar is older than a file under the module, the parent
 * POM, or platform/ when the module uses a platform library), here so that a launcher started
 * another way (an IDE, the system tests) can warn that it runs old code.
 */
public final class JarFreshness {

  private JarFreshness() {}

  /** The rule itself: a missing jar is stale; so is one older than its newest source. */
  public static boolean isStale(Optional<FileTime> jarTime, Optional<FileTime> newestSource) {
    if (jarTime.isEmpty()) {
      return true;
    }
    return newestSource.map(source -> source.compareTo(jarTime.get()) > 0).orElse(false);
  }

  public static boolean isStale(Path repoRoot, ServiceSpec spec) {
    Path jar = spec.jar(repoRoot);
    Optional<FileTime> jarTime = Files.exists(jar) ? Optional.of(modified(jar)) : Optional.empty();
    return isStale(jarTime, newest(sourcesOf(repoRoot, spec)));
  }

  /**
   * What a module's jar is built from: its own tree, the parent POM, and the platform libraries
   * when its POM names one.
   */
  static List<Path> sourcesOf(Path repoRoot, ServiceSpec spec) {
    List<Path> sources = new ArrayList<>();
    sources.add(spec.moduleDir(repoRoot));
    sources.add(repoRoot.resolve("pom.xml"));
    if (usesPlatform(spec.moduleDir(repoRoot).resolve("pom.xml"))) {
      sources.add(repoRoot.resolve("platform"));
    }
    return sources;
  }

  private static boolean usesPlatform(Path pom) {
    try {
      return Files.exists(pom) && Files.readString(pom).contains("<artifactId>platform-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The newest modification time of any file under the roots, skipping build output. */
  static Optional<FileTime> newest(List<Path> roots) {
    List<FileTime> times = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.exists(root)) {
        continue;
      }
      try {
        Files.walkFileTree(
            root,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName().toString();
                return name.equals("target") || name.startsWith(".")
                    ? FileVisitResult.SKIP_SUBTREE
                    : FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                times.add(attrs.lastModifiedTime());
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return times.stream().max(FileTime::compareTo);
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
