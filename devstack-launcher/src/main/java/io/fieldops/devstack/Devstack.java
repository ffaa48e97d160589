package io.fieldops.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole suite on one machine: embedded PostgreSQL, a Kafka broker, discovery, gateway and every
 * service whose jar exists, each service in a JVM of its own. Used by the {@code ./devstack}
 * command and, as a library, by the system tests.
 *
 * <p>Start order: discovery, Kafka and PostgreSQL together (they need nothing), then the gateway
 * and every service together once those are ready. Services need no particular order among
 * themselves: registration and JWKS lookups happen lazily, so starting them side by side saves most
 * of a minute on two cores. Stop order is the reverse.
 */
public final class Devstack implements AutoCloseable {

  private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
  private static final int LOG_TAIL_LINES = 40;

  /** Registry fetches run every 5 s under the devstack; a few rounds are plenty. */
  private static final Duration ROUTING_TIMEOUT = Duration.ofSeconds(30);

  private final DevstackConfig config;
  private final PortPlan ports;
  private final PrintStream out;
  private final HealthProbe health = new HealthProbe();
  private final RoutingProbe routing = new RoutingProbe();
  private final Leftovers leftovers;
  private final Map<String, ManagedProcess> running = new LinkedHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private final Thread shutdownHook = new Thread(this::close, "devstack-shutdown");
  private List<ServiceSpec> services = List.of();
  // Written by the starting thread, read by close() from a shutdown hook (Ctrl-C during start).
  private volatile PostgresServer postgres;
  private volatile KafkaBroker kafka;
  private Duration startupTime;

  private Devstack(DevstackConfig config) {
    this.config = config;
    this.ports = new PortPlan(config.portOffset());
    this.out = config.out();
    this.leftovers = new Leftovers(config.dataDir(), config.out());
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts everything and returns once every service reports UP. On any failure it stops what it
   * started and throws a {@link StartupException} naming the culprit and the tail of its log.
   */
  public Devstack start() {
    long begin = System.nanoTime();
    out.printf(
        "Starting fieldops (port offset %d, data in %s) ...%n",
        config.portOffset(), config.dataDir());
    if (config.shutdownHook()) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    try {
      services = servicesToLaunch();
      leftovers.claim();
      leftovers.stopAll(config.repoRoot());
      checkPortsFree();
      warnAboutStaleJars();
      ServiceSpec discovery = services.getFirst();
      ManagedProcess discoveryProcess = launch(discovery);
      startKafka();
      startPostgres();
      kafka.awaitReady(config.healthTimeout());
      out.printf("  %-22s ready on localhost:%d%n", "kafka", ports.kafka());
      awaitHealthy(List.of(discovery), Map.of(discovery.name(), discoveryProcess), begin);
      if (config.aotCache()) {
        trainAotCaches();
      }
      Map<String, ManagedProcess> rest = new LinkedHashMap<>();
      for (ServiceSpec spec : services.subList(1, services.size())) {
        rest.put(spec.name(), launch(spec));
      }
      awaitHealthy(services.subList(1, services.size()), rest, System.nanoTime());
      awaitRoutable();
      startupTime = Duration.ofNanos(System.nanoTime() - begin);
      running.values().forEach(this::reportUnexpectedExit);
      return this;
    } catch (StartupException e) {
      if (closed.get()) {
        throw stoppedDuringStart();
      }
      close();
      throw e;
    } catch (IOException | SQLException | RuntimeException e) {
      if (closed.get()) {
        throw stoppedDuringStart();
      }
      close();
      throw new StartupException(StartupException.LAUNCHER, "could not start", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new StartupException(StartupException.LAUNCHER, "was interrupted", e);
    }
  }

  /** Ctrl-C while starting: the hook has stopped everything; whatever failed after is moot. */
  private static StartupException stoppedDuringStart() {
    return new StartupException(
        StartupException.LAUNCHER,
        "start-up was cancelled (Ctrl-C); everything was stopped",
        List.of());
  }

  /** A part started while close() ran must not outlive the launcher: stop it and give up. */
  private void ensureNotClosed(AutoCloseable justStarted) {
    if (closed.get()) {
      try {
        justStarted.close();
      } catch (Exception e) {
        out.println("  warning: could not stop " + justStarted + ": " + e.getMessage());
      }
      throw stoppedDuringStart();
    }
  }

  private List<ServiceSpec> servicesToLaunch() {
    List<ServiceSpec> chosen = new ArrayList<>();
    for (ServiceSpec spec : ServiceCatalog.all()) {
      boolean jarExists = spec.jar(config.repoRoot()).toFile().isFile();
      boolean wanted = config.services().map(names -> names.contains(spec.name())).orElse(true);
      boolean explicitlyWanted = config.services().isPresent() && wanted;
      if ((ServiceCatalog.isRequired(spec) || explicitlyWanted) && !jarExists) {
        throw new StartupException(
            spec.name(),
            "has no jar at "
                + spec.jar(config.repoRoot())
                + ": build it with ./mvnw package -DskipTests (./devstack does this itself)",
            List.of());
      }
      if (jarExists && (wanted || ServiceCatalog.isRequired(spec))) {
        chosen.add(spec);
      }
    }
    return List.copyOf(chosen);
  }

  private void checkPortsFree() {
    PortCheck.firstTaken(ports.portsFor(services))
        .ifPresent(
            taken -> {
              throw new StartupException(
                  StartupException.LAUNCHER,
                  "cannot start: port "
                      + taken
                      + " is already in use. Stop what uses it, or shift every port with"
                      + " --port-offset=N (DEVSTACK_PORT_OFFSET)",
                  List.of());
            });
  }

  private void warnAboutStaleJars() {
    services.stream()
        .filter(spec -> JarFreshness.isStale(config.repoRoot(), spec))
        .forEach(
            spec ->
                out.printf(
                    "  warning: %s is older than its sources; run ./devstack or ./mvnw package%n",
                    spec.jar(config.repoRoot())));
  }

  private void startKafka() throws IOException, InterruptedException {
    kafka =
        KafkaBroker.start(
            config.dataDir().resolve("kafka"),
            ports,
            config.jvm(),
            config.kafkaClasspath(),
            config.repoRoot(),
            logOf("kafka"));
    leftovers.record(kafka.process());
    ensureNotClosed(kafka);
  }

  private void startPostgres() throws IOException, SQLException {
    postgres = launchPostgres();
    List<String> databases =
        services.stream().flatMap(spec -> spec.databaseName().stream()).toList();
    ensureNotClosed(postgres);
    postgres.ensureDatabases(databases);
    out.printf(
        "  %-22s ready on localhost:%d, databases %s%n", "postgres", ports.postgres(), databases);
  }

  /**
   * Makes the AOT cache of every service that has none for its current jar: side by side, against
   * the running PostgreSQL, Kafka and discovery, once per build. A service whose training fails
   * starts without a cache; that costs time, not correctness.
   */
  private void trainAotCaches() throws IOException, InterruptedException {
    Map<ServiceSpec, AotCache> untrained = new LinkedHashMap<>();
    for (ServiceSpec spec : services) {
      AotCache aot = aotCache(spec);
      if (!aot.isCurrent()) {
        untrained.put(spec, aot);
      }
    }
    if (untrained.isEmpty()) {
      return;
    }
    long begin = System.nanoTime();
    out.printf(
        "  training the AOT cache of %d services (once per build; --no-aot-cache skips it) ...%n",
        untrained.size());
    Map<ServiceSpec, ManagedProcess> training = new LinkedHashMap<>();
    for (var entry : untrained.entrySet()) {
      ServiceSpec spec = entry.getKey();
      AotCache aot = entry.getValue();
      aot.extract();
      List<String> command =
          new ServiceCommand(ports, config.jvm(), config.admin(), config.allInterfaces())
              .command(spec, aot.application(), aot.trainingFlags());
      ManagedProcess process =
          ManagedProcess.start(
              spec.name() + "-aot-training",
              command,
              config.repoRoot(),
              logOf(spec.name() + "-aot-training"));
      training.put(spec, process);
      synchronized (running) {
        // in `running` while it trains, so that Ctrl-C (close()) stops it like a service
        if (!closed.get()) {
          running.put(process.name(), process);
          leftovers.record(process);
        }
      }
      ensureNotClosed(() -> process.stop(SERVICE_STOP_GRACE));
    }
    long deadline = System.nanoTime() + config.healthTimeout().toNanos();
    for (var entry : training.entrySet()) {
      ManagedProcess process = entry.getValue();
      long left = Math.max(0, deadline - System.nanoTime());
      boolean exited = process.process().waitFor(left, java.util.concurrent.TimeUnit.NANOSECONDS);
      if (!exited) {
        process.stop(SERVICE_STOP_GRACE);
      }
      synchronized (running) {
        running.remove(process.name());
      }
      leftovers.forget(process.name());
      ensureNotClosed(() -> {});
      if (exited && untrained.get(entry.getKey()).recordTraining()) {
        out.printf(
            "  %-22s AOT cache made after %d s%n",
            entry.getKey().name(), Duration.ofNanos(System.nanoTime() - begin).toSeconds());
      } else {
        out.printf(
            "  warning: %s made no AOT cache (see %s); it starts without one%n",
            entry.getKey().name(), process.log());
      }
    }
  }

  private AotCache aotCache(ServiceSpec spec) {
    return AotCache.of(spec, config.repoRoot(), config.jvm());
  }

  private ManagedProcess launch(ServiceSpec spec) throws IOException {
    Optional<AotCache> aot =
        config.aotCache()
            ? Optional.of(aotCache(spec)).filter(AotCache::isCurrent)
            : Optional.empty();
    List<String> command =
        aot.map(
                cache ->
                    new ServiceCommand(ports, config.jvm(), config.admin(), config.allInterfaces())
                        .command(spec, cache.application(), cache.flags().orElseThrow()))
            .orElseGet(
                () ->
                    new ServiceCommand(ports, config.jvm(), config.admin(), config.allInterfaces())
                        .command(spec, spec.jar(config.repoRoot())));
    ManagedProcess process =
        ManagedProcess.start(spec.name(), command, config.repoRoot(), logOf(spec.name()));
    synchronized (running) {
      // close() empties `running` under this lock after setting `closed`: a process is either
      // in its snapshot or stopped right here, never left behind.
      if (!closed.get()) {
        running.put(spec.name(), process);
        leftovers.record(process);
        return process;
      }
    }
    ensureNotClosed(() -> process.stop(SERVICE_STOP_GRACE));
    return process;
  }

  /** Polls every pending service until it is UP, its process dies, or its time runs out. */
  private void awaitHealthy(
      List<ServiceSpec> specs, Map<String, ManagedProcess> processes, long startedAt) {
    List<ServiceSpec> pending = new ArrayList<>(specs);
    long deadline = startedAt + config.healthTimeout().toNanos();
    while (!pending.isEmpty()) {
      for (ServiceSpec spec : List.copyOf(pending)) {
        ManagedProcess process = processes.get(spec.name());
        if (!process.isAlive()) {
          throw StartupException.withLog(
              spec.name(),
              "exited during start-up (exit code " + process.process().exitValue() + ")",
              process.log());
        }
        if (health.isUp(ports.managementPort(spec))) {
          pending.remove(spec);
          out.printf(
              "  %-22s up on localhost:%d (management :%d) after %d s%n",
              spec.name(),
              ports.port(spec),
              ports.managementPort(spec),
              Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());
        }
      }
      if (!pending.isEmpty() && System.nanoTime() > deadline) {
        ServiceSpec late = pending.getFirst();
        throw StartupException.withLog(
            late.name(),
            "was not healthy within "
                + config.healthTimeout().toSeconds()
                + " s ("
                + ports.managementUrl(late.name())
                + "/actuator/health)",
            processes.get(late.name()).log());
      }
      if (!pending.isEmpty()) {
        Pause.briefly();
      }
    }
  }

  /**
   * Waits until the gateway lists every service it fronts. Only a warning when it does not: the
   * services are up, and a name that differs from the catalog's should not block a developer.
   */
  private void awaitRoutable() {
    List<String> expected =
        services.stream()
            .map(ServiceSpec::name)
            .filter(name -> !name.equals(ServiceCatalog.DISCOVERY))
            .toList();
    long deadline = System.nanoTime() + ROUTING_TIMEOUT.toNanos();
    List<String> missing = routing.notYetRoutable(gatewayUrl(), expected);
    while (!missing.isEmpty() && System.nanoTime() < deadline) {
      Pause.briefly();
      missing = routing.notYetRoutable(gatewayUrl(), expected);
    }
    if (missing.isEmpty()) {
      out.printf("  %-22s routes to every service%n", ServiceCatalog.GATEWAY);
    } else {
      out.printf(
          "  warning: after %d s the gateway still does not list %s (%s/gateway/services);"
              + " requests to them answer 503 until it does%n",
          ROUTING_TIMEOUT.toSeconds(), missing, gatewayUrl());
    }
  }

  private void reportUnexpectedExit(ManagedProcess process) {
    process
        .process()
        .onExit()
        .thenRun(
            () -> {
              if (!process.isStopping() && !closed.get()) {
                out.printf(
                    "%n  warning: %s exited unexpectedly (exit code %d); last lines of %s:%n",
                    process.name(), process.process().exitValue(), process.log());
                LogTail.lastLines(process.log(), LOG_TAIL_LINES)
                    .forEach(line -> out.println("    " + line));
              }
            });
  }

  /** The broker's name for {@link #stop}, {@link #kill} and {@link #restart}. */
  public static final String KAFKA = "kafka";

  /** The database server's name for {@link #stop}, {@link #kill} and {@link #restart}. */
  public static final String POSTGRES = "postgres";

  /**
   * Stops one component as an operator would (SIGTERM, then a grace period): a service, {@link
   * #KAFKA} or {@link #POSTGRES}, to see how the rest of the suite copes without it.
   */
  public void stop(String name) {
    switch (name) {
      case KAFKA -> {
        requireUp(kafka, KAFKA).close();
        kafka = null;
        leftovers.forget(KAFKA);
      }
      case POSTGRES -> {
        try {
          requireUp(postgres, POSTGRES).close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        postgres = null;
      }
      default -> {
        takeService(name).stop(SERVICE_STOP_GRACE);
        leftovers.forget(name);
      }
    }
  }

  /**
   * Kills one service or the broker at once (SIGKILL): no shutdown hooks, no deregistration, no
   * flush; what a crash or the kernel's OOM killer does. {@link #restart} brings it back.
   */
  public void kill(String name) {
    if (POSTGRES.equals(name)) {
      // the embedded server runs as a postmaster with children: stop it, it recovers the same way
      throw new IllegalArgumentException(POSTGRES + " is stopped, not killed, by this launcher");
    }
    ManagedProcess process;
    if (KAFKA.equals(name)) {
      process = requireUp(kafka, KAFKA).process();
      kafka = null;
    } else {
      process = takeService(name);
    }
    process.process().descendants().forEach(ProcessHandle::destroyForcibly);
    process.process().destroyForcibly();
    process.awaitStop(SERVICE_STOP_GRACE);
    leftovers.forget(name);
  }

  /**
   * Starts a component that {@link #stop} or {@link #kill} took down, on the same port and data
   * directory, and returns once it answers (a service: once it is UP): the other side of a test
   * that sees how the suite copes without it.
   */
  public void restart(String name) {
    try {
      switch (name) {
        case KAFKA -> {
          if (kafka != null) {
            throw new IllegalStateException(KAFKA + " is running");
          }
          startKafka();
          kafka.awaitReady(config.healthTimeout());
        }
        case POSTGRES -> {
          if (postgres != null) {
            throw new IllegalStateException(POSTGRES + " is running");
          }
          postgres = launchPostgres();
        }
        default -> restartService(name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while restarting " + name, e);
    }
  }

  private void restartService(String serviceName) throws IOException {
    ServiceSpec spec =
        services.stream()
            .filter(candidate -> candidate.name().equals(serviceName))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException(serviceName + " is not part of this stack"));
    synchronized (running) {
      if (running.containsKey(serviceName)) {
        throw new IllegalStateException(serviceName + " is running");
      }
    }
    ManagedProcess process = launch(spec);
    awaitHealthy(List.of(spec), Map.of(spec.name(), process), System.nanoTime());
    reportUnexpectedExit(process);
  }

  private ManagedProcess takeService(String serviceName) {
    synchronized (running) {
      ManagedProcess process = running.remove(serviceName);
      if (process == null) {
        throw new IllegalArgumentException(
            serviceName + " is not running; running: " + running.keySet());
      }
      return process;
    }
  }

  /** PostgreSQL on this stack's port and data directory (kept across restarts). */
  private PostgresServer launchPostgres() throws IOException {
    return PostgresServer.start(
        config.dataDir().resolve("postgres"), ports.postgres(), logOf("postgres"));
  }

  private static <T> T requireUp(T component, String name) {
    if (component == null) {
      throw new IllegalStateException(name + " is not running");
    }
    return component;
  }

  /** Stops services (side by side, in reverse start phases), then Kafka, then PostgreSQL. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    long begin = System.nanoTime();
    out.println("\nStopping fieldops ...");
    try {
      List<ManagedProcess> processes;
      synchronized (running) {
        processes = new ArrayList<>(running.values());
        running.clear();
      }
      if (!processes.isEmpty()) {
        ManagedProcess first = processes.getFirst();
        List<ManagedProcess> later = processes.subList(1, processes.size());
        later.forEach(ManagedProcess::requestStop);
        later.forEach(process -> process.awaitStop(SERVICE_STOP_GRACE));
        later.forEach(process -> leftovers.forget(process.name()));
        stopped(later.stream().map(ManagedProcess::name).toList(), begin);
        // Discovery last: services deregister from it as they stop.
        first.stop(SERVICE_STOP_GRACE);
        leftovers.forget(first.name());
        stopped(List.of(first.name()), begin);
      }
      if (kafka != null) {
        kafka.close();
        leftovers.forget("kafka");
        stopped(List.of("kafka"), begin);
      }
      if (postgres != null) {
        try {
          postgres.close();
          stopped(List.of("postgres"), begin);
        } catch (IOException e) {
          out.println("  warning: PostgreSQL did not stop cleanly: " + e.getMessage());
        }
      }
      out.printf("Stopped in %.1f s.%n", (System.nanoTime() - begin) / 1e9);
    } finally {
      closedLatch.countDown();
      removeShutdownHook();
    }
  }

  private void stopped(List<String> names, long since) {
    if (!names.isEmpty()) {
      out.printf(
          "  %-22s stopped at %.1f s%n",
          String.join(", ", names), (System.nanoTime() - since) / 1e9);
    }
  }

  private void removeShutdownHook() {
    if (!config.shutdownHook() || Thread.currentThread() == shutdownHook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNotAdded) {
      // nothing to undo
    }
  }

  /** Blocks until {@link #close()} has finished (from Ctrl-C's shutdown hook, for instance). */
  public void awaitClose() throws InterruptedException {
    closedLatch.await();
  }

  /**
   * The pid of a running launcher that uses {@code dataDir}, if any: two stacks cannot share one
   * (PostgreSQL locks its directory), so a caller can pick another directory instead.
   */
  public static Optional<Long> launcherUsing(Path dataDir) {
    return Leftovers.launcherUsing(dataDir.toAbsolutePath().normalize());
  }

  public PortPlan ports() {
    return ports;
  }

  public String gatewayUrl() {
    return ports.url(ServiceCatalog.GATEWAY);
  }

  public String discoveryUrl() {
    return ports.url(ServiceCatalog.DISCOVERY);
  }

  public String url(String serviceName) {
    return ports.url(serviceName);
  }

  /**
   * The service's actuator (health, prometheus, operator endpoints), e.g. http://localhost:9001.
   */
  public String managementUrl(String serviceName) {
    return ports.managementUrl(serviceName);
  }

  public String kafkaBootstrapServers() {
    return "localhost:" + ports.kafka();
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + ports.postgres() + "/" + database;
  }

  /** Services launched at start, in start order (stopped ones included). */
  public List<ServiceSpec> services() {
    return services;
  }

  public boolean isLaunched(String serviceName) {
    return services.stream().anyMatch(spec -> spec.name().equals(serviceName));
  }

  public List<String> running() {
    synchronized (running) {
      return List.copyOf(running.keySet());
    }
  }

  public Path logsDir() {
    return config.dataDir().resolve("logs");
  }

  public Path logOf(String name) {
    return logsDir().resolve(name + ".log");
  }

  public Path dataDir() {
    return config.dataDir();
  }

  public DemoAdmin admin() {
    return config.admin();
  }

  /** Whether the HTTP ports listen on every interface ({@code --listen-all}), not just loopback. */
  public boolean listensOnAllInterfaces() {
    return config.allInterfaces();
  }

  public Optional<Duration> startupTime() {
    return Optional.ofNullable(startupTime);
  }

  /** Settings of one stack; the builder fills in the defaults. */
  record DevstackConfig(
      Path repoRoot,
      Path dataDir,
      int portOffset,
      Optional<Set<String>> services,
      JvmSettings jvm,
      DemoAdmin admin,
      Duration healthTimeout,
      String kafkaClasspath,
      PrintStream out,
      boolean shutdownHook,
      boolean aotCache,
      boolean allInterfaces) {}

  /** Builds a {@link Devstack}; every setting has a development default. */
  public static final class Builder {

    private Path repoRoot = Path.of("").toAbsolutePath();
    private Path dataDir;
    private int portOffset;
    private Set<String> services;
    private JvmSettings jvm = JvmSettings.defaults();
    private DemoAdmin admin = DemoAdmin.defaults();
    private Duration healthTimeout = Duration.ofSeconds(300);
    private String kafkaClasspath = System.getProperty("java.class.path");
    private PrintStream out = System.out;
    private boolean shutdownHook = true;
    private boolean aotCache;
    private boolean allInterfaces;

    private Builder() {}

    /** The repository whose {@code <module>/target/<module>.jar} files are launched. */
    public Builder repoRoot(Path repoRoot) {
      this.repoRoot = repoRoot.toAbsolutePath().normalize();
      return this;
    }

    /** Where PostgreSQL, Kafka and the logs keep their files; {@code .devstack/} by default. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder portOffset(int portOffset) {
      this.portOffset = portOffset;
      return this;
    }

    /**
     * Launch only these business services (discovery and gateway always run); by default every
     * service whose jar exists.
     */
    public Builder services(Collection<String> names) {
      names.forEach(
          name ->
              ServiceCatalog.byName(name)
                  .orElseThrow(() -> new IllegalArgumentException("unknown service: " + name)));
      this.services = Set.copyOf(names);
      return this;
    }

    /** Maximum heap of each service JVM, e.g. {@code 256m}. */
    public Builder serviceHeap(String heap) {
      this.jvm = jvm.withServiceHeap(heap);
      return this;
    }

    /** What the services' JVM flags are for: a small footprint (default) or production. */
    public Builder jvmPurpose(JvmSettings.Purpose purpose) {
      this.jvm = jvm.withPurpose(purpose);
      return this;
    }

    public Builder jvm(JvmSettings jvm) {
      this.jvm = Objects.requireNonNull(jvm);
      return this;
    }

    public Builder admin(DemoAdmin admin) {
      this.admin = Objects.requireNonNull(admin);
      return this;
    }

    /** How long each service may take to report UP. */
    public Builder healthTimeout(Duration healthTimeout) {
      this.healthTimeout = healthTimeout;
      return this;
    }

    /** The classpath the Kafka broker JVM runs with; the current JVM's holds the broker. */
    public Builder kafkaClasspath(String classpath) {
      this.kafkaClasspath = classpath;
      return this;
    }

    /** Where progress lines go. */
    public Builder out(PrintStream out) {
      this.out = Objects.requireNonNull(out);
      return this;
    }

    /** Whether the JVM's exit stops the stack (on by default). */
    public Builder shutdownHook(boolean shutdownHook) {
      this.shutdownHook = shutdownHook;
      return this;
    }

    /**
     * Whether services run from JDK 25's AOT cache ({@link AotCache}), trained at the first start
     * after a build; off by default (a one-off stack such as the system tests' would pay the
     * training and not gain from it), on for {@code ./devstack} with a JDK 25 or later.
     */
    public Builder aotCache(boolean aotCache) {
      this.aotCache = aotCache && AotCache.supportedBy(jvm.java());
      return this;
    }

    /**
     * Whether the services, the gateway and discovery listen on every interface; by default only on
     * 127.0.0.1. PostgreSQL and Kafka stay on loopback either way (see PostgresServer and
     * KafkaServerConfig).
     */
    public Builder listenOnAllInterfaces(boolean allInterfaces) {
      this.allInterfaces = allInterfaces;
      return this;
    }

    public Devstack build() {
      new PortPlan(portOffset); // fails fast on an offset that overflows the port range
      Path data = dataDir != null ? dataDir : repoRoot.resolve(".devstack");
      return new Devstack(
          new DevstackConfig(
              repoRoot,
              data.toAbsolutePath().normalize(),
              portOffset,
              Optional.ofNullable(services),
              jvm,
              admin,
              healthTimeout,
              kafkaClasspath,
              out,
              shutdownHook,
              aotCache,
              allInterfaces));
    }
  }
}
