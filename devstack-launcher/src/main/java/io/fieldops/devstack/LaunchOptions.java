package io.fieldops.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@code ./devstack}. Arguments win over environment variables.
 *
 * @param portOffset shifts every port ({@code --port-offset=N}, {@code DEVSTACK_PORT_OFFSET})
 * @param dataDir where data and logs live ({@code --data-dir=PATH}); relative to the repository
 * @param serviceHeap maximum heap of each service ({@code --service-heap=256m})
 * @param services only these business services ({@code --services=a,b}); empty: all present
 * @param healthTimeout how long each service may take to be UP ({@code --health-timeout=300})
 * @param jvm what the services' JVM flags are for ({@code --jvm=footprint|production})
 * @param aotCache run services from JDK 25's AOT cache, trained at the first start after a build
 *     (on unless {@code --no-aot-cache})
 * @param listenAll the services, the gateway and discovery listen on every interface ({@code
 *     --listen-all}); by default on 127.0.0.1 only
 * @param help print the usage and exit
 */
public record LaunchOptions(
    int portOffset,
    Path dataDir,
    String serviceHeap,
    Optional<List<String>> services,
    Duration healthTimeout,
    JvmSettings.Purpose jvm,
    boolean aotCache,
    boolean listenAll,
    boolean help) {

  public static final String USAGE =
      """
      Usage: ./devstack [--port-offset=N] [--data-dir=PATH] [--service-heap=SIZE] [--services=a,b]
                  [--health-timeout=S] [--jvm=footprint|production] [--no-aot-cache]
                  [--listen-all]

        --port-offset=N     shift every port by N (env DEVSTACK_PORT_OFFSET), default 0
        --data-dir=PATH     PostgreSQL, Kafka and log files, default .devstack
        --service-heap=SIZE maximum heap of each service JVM, default 256m
        --services=a,b      start only these business services (discovery and gateway always)
        --health-timeout=S  seconds each service may take to report UP, default 300
        --jvm=PURPOSE       footprint (default: SerialGC, C1 only, small and quick to start) or
                            production (the JVM's defaults, as the container images run; for
                            benchmarks, with --service-heap=512m)
        --no-aot-cache      do not use (or train) JDK 25's AOT cache; by default the first start
                            after a build trains one per service (target/aot/), and later starts
                            map it and start faster
        --listen-all        the gateway, discovery and the services listen on every interface
                            (reachable from the network); by default on 127.0.0.1 only.
                            PostgreSQL and Kafka stay on 127.0.0.1 either way
        --help              this text

      Env: DEVSTACK_ADMIN_EMAIL, DEVSTACK_ADMIN_PASSWORD set the demo admin (development only).
      """;

  public static LaunchOptions parse(String[] args, Map<String, String> env) {
    int offset = parseOffset(env.getOrDefault("DEVSTACK_PORT_OFFSET", "0"));
    Path dataDir = Path.of(".devstack");
    String heap = "256m";
    Optional<List<String>> services = Optional.empty();
    Duration healthTimeout = Duration.ofSeconds(300);
    JvmSettings.Purpose jvm = JvmSettings.Purpose.FOOTPRINT;
    boolean aotCache = true;
    boolean listenAll = false;
    boolean help = false;
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
      } else if (arg.startsWith("--port-offset=")) {
        offset = parseOffset(valueOf(arg));
      } else if (arg.startsWith("--data-dir=")) {
        dataDir = Path.of(valueOf(arg));
      } else if (arg.startsWith("--service-heap=")) {
        heap = valueOf(arg);
        if (!heap.matches("\\d+[kKmMgG]")) {
          throw new IllegalArgumentException(
              "--service-heap must be a size such as 256m, not '" + heap + "'");
        }
      } else if (arg.startsWith("--services=")) {
        services =
            Optional.of(
                Arrays.stream(valueOf(arg).split(","))
                    .map(String::strip)
                    .filter(name -> !name.isEmpty())
                    .toList());
      } else if (arg.startsWith("--jvm=")) {
        jvm = JvmSettings.Purpose.parse(valueOf(arg));
      } else if (arg.equals("--no-aot-cache")) {
        aotCache = false;
      } else if (arg.equals("--listen-all")) {
        listenAll = true;
      } else if (arg.startsWith("--health-timeout=")) {
        healthTimeout = Duration.ofSeconds(positiveSeconds(valueOf(arg)));
      } else {
        throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    return new LaunchOptions(
        offset, dataDir, heap, services, healthTimeout, jvm, aotCache, listenAll, help);
  }

  private static long positiveSeconds(String value) {
    try {
      long seconds = Long.parseLong(value.strip());
      if (seconds > 0) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--health-timeout must be a positive number of seconds, not '" + value + "'");
  }

  private static String valueOf(String arg) {
    return arg.substring(arg.indexOf('=') + 1);
  }

  private static int parseOffset(String value) {
    try {
      int offset = Integer.parseInt(value.strip());
      new PortPlan(offset);
      return offset;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the port offset must be a whole number, not '" + value + "'");
    }
  }

  /** A builder for the stack these options describe, rooted at {@code repoRoot}. */
  public Devstack.Builder toBuilder(Path repoRoot, Map<String, String> env) {
    Devstack.Builder builder =
        Devstack.builder()
            .repoRoot(repoRoot)
            .dataDir(repoRoot.resolve(dataDir))
            .portOffset(portOffset)
            .serviceHeap(serviceHeap)
            .jvmPurpose(jvm)
            .healthTimeout(healthTimeout)
            .aotCache(aotCache)
            .listenOnAllInterfaces(listenAll)
            .admin(DemoAdmin.fromEnvironment(env));
    services.ifPresent(builder::services);
    return builder;
  }
}
