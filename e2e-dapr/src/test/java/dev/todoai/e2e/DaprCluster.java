package dev.todoai.e2e;

import dev.todoai.adapter.out.persistence.testsupport.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Everything the end-to-end test runs against: an embedded PostgreSQL database, one in-process
 * Kafka broker (KRaft), the Dapr scheduler, and role processes from the built jar — each with its
 * own daprd. Every process is stopped on {@link #close()}.
 */
final class DaprCluster implements AutoCloseable {
  static final String APP_TOKEN = "e2e-app-token-" + UUID.randomUUID();
  static final String JWT_SECRET = "e2e-jwt-secret-that-is-long-enough-0123456789";
  static final List<String> TOPICS = List.of("task-events", "reminders", "task-updates");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final Path work;
  final Path logs;
  final Path bin;
  final Path jar;
  final KafkaClusterTestKit kafka;
  final TestDatabase.Coordinates db;
  final Path resources;
  final Path config;
  private final List<Proc> processes = new ArrayList<>();
  private final int schedulerPort;
  private final int sentryPort;
  private final String trustAnchors;

  /** One operating-system process with its log file. */
  static final class Proc {
    final String name;
    final List<String> command;
    final Map<String, String> env;
    final Path log;
    Process process;

    Proc(String name, List<String> command, Map<String, String> env, Path log) {
      this.name = name;
      this.command = command;
      this.env = env;
      this.log = log;
    }

    void start() {
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().putAll(env);
      pb.redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      try {
        process = pb.start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start " + name, e);
      }
    }

    /** SIGTERM, then SIGKILL after a grace period. */
    void stop() {
      if (process == null || !process.isAlive()) {
        return;
      }
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }

    /** kill -9. */
    void kill() {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
        try {
          process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    boolean alive() {
      return process != null && process.isAlive();
    }
  }

  /** A role process and its sidecar. */
  final class Role {
    final String name;
    final String appId;
    final int appPort;
    final int daprHttpPort;
    final int daprGrpcPort;

    /** What the app must send to its own sidecar's API (DAPR_API_TOKEN): one per role. */
    final String apiToken = "e2e-api-token-" + UUID.randomUUID();

    final Proc app;
    final Proc sidecar;

    Role(String name, String role, String appId) {
      this.name = name;
      this.appId = appId;
      this.appPort = freePort();
      this.daprHttpPort = freePort();
      this.daprGrpcPort = freePort();
      Path roleConfig = configFor(role);
      int internalPort = freePort();
      int metricsPort = freePort();
      Map<String, String> appEnv = new LinkedHashMap<>();
      appEnv.put("TODO_ROLE", role);
      appEnv.put("TODO_TRANSPORT", "dapr");
      appEnv.put("TODO_SECRETS", "dapr");
      appEnv.put("TODO_PORT", Integer.toString(appPort));
      appEnv.put("TODO_DATA_DIR", work.resolve("data-" + name).toString());
      appEnv.put("DAPR_GRPC_PORT", Integer.toString(daprGrpcPort));
      appEnv.put("DAPR_HTTP_PORT", Integer.toString(daprHttpPort));
      appEnv.put("APP_API_TOKEN", APP_TOKEN);
      appEnv.put("DAPR_API_TOKEN", apiToken);
      if (!role.equals("backend")) {
        // only the backend may read the JWT secret from the store (see configFor)
        appEnv.put("TODO_SECRET_JWT", "");
      }
      appEnv.put("TODO_DB_POOL_SIZE", "4");
      appEnv.put("HOSTNAME", name);
      this.app =
          new Proc(
              name,
              List.of(
                  javaBin(),
                  "-Xmx256m",
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-jar",
                  jar.toString()),
              appEnv,
              logs.resolve(name + ".log"));
      this.sidecar =
          new Proc(
              name + "-daprd",
              List.of(
                  bin.resolve("daprd").toString(),
                  "--app-id",
                  appId,
                  "--app-port",
                  Integer.toString(appPort),
                  "--app-protocol",
                  "http",
                  "--dapr-http-port",
                  Integer.toString(daprHttpPort),
                  "--dapr-grpc-port",
                  Integer.toString(daprGrpcPort),
                  "--dapr-internal-grpc-port",
                  Integer.toString(internalPort),
                  "--metrics-port",
                  Integer.toString(metricsPort),
                  "--resources-path",
                  resources.toString(),
                  "--config",
                  roleConfig.toString(),
                  "--scheduler-host-address",
                  "127.0.0.1:" + schedulerPort,
                  // outside Kubernetes a sidecar's API is for its own app only
                  "--dapr-listen-addresses",
                  "127.0.0.1",
                  "--enable-mtls",
                  "--sentry-address",
                  "127.0.0.1:" + sentryPort,
                  "--log-level",
                  "warn"),
              Map.of(
                  "APP_API_TOKEN", APP_TOKEN,
                  "DAPR_API_TOKEN", apiToken,
                  "DAPR_TRUST_ANCHORS", trustAnchors,
                  "NAMESPACE", "default"),
              logs.resolve(name + "-daprd.log"));
    }

    URI uri() {
      return URI.create("http://localhost:" + appPort);
    }

    void start() {
      sidecar.start();
      app.start();
    }

    void stop() {
      app.stop();
      sidecar.stop();
    }

    /** Up when the app answers /health and its sidecar lists at least {@code subscriptions}. */
    void awaitReady(Duration timeout, int subscriptions) {
      long deadline = System.nanoTime() + timeout.toNanos();
      String last = "";
      while (System.nanoTime() < deadline) {
        if (!app.alive()) {
          throw new IllegalStateException(name + " exited; see " + app.log);
        }
        if (!sidecar.alive()) {
          throw new IllegalStateException(name + "'s daprd exited; see " + sidecar.log);
        }
        try {
          int health = get(uri().resolve("/health")).statusCode();
          HttpResponse<String> meta = sidecar("GET", "/v1.0/metadata", apiToken, null);
          last = "health " + health + ", metadata " + meta.statusCode();
          if (health == 200
              && meta.statusCode() == 200
              && Api.JSON.readTree(meta.body()).path("subscriptions").size() >= subscriptions) {
            return;
          }
        } catch (IOException e) {
          last = e.toString();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        sleep(250);
      }
      throw new IllegalStateException(name + " not ready in " + timeout + " (" + last + ")");
    }

    /** A call to this role's sidecar API, with {@code token} as dapr-api-token (null: none). */
    HttpResponse<String> sidecar(String method, String path, String token, String body)
        throws IOException, InterruptedException {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daprHttpPort + path))
              .timeout(Duration.ofSeconds(20));
      if (token != null) {
        b.header("dapr-api-token", token);
      }
      if (body != null) {
        b.header("Content-Type", "application/json");
      }
      b.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  DaprCluster(Path jar, Path bin, Path logs) throws Exception {
    this.jar = jar;
    this.bin = bin;
    this.logs = logs;
    Files.createDirectories(logs);
    this.work = Files.createTempDirectory("todo-e2e-dapr");
    // should the test JVM be stopped before @AfterAll runs, take the processes down with it
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    processes.forEach(
                        p -> {
                          if (p.alive()) {
                            p.process.destroyForcibly();
                          }
                        }),
                "e2e-dapr-cleanup"));
    // PostgreSQL
    this.db = TestDatabase.freshDatabase();
    // Kafka (KRaft, one combined node)
    this.kafka =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(work.resolve("kafka"))
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "3")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("auto.create.topics.enable", "true")
            .setConfigProp("num.partitions", "3")
            .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    try (Admin admin = kafka.admin()) {
      List<NewTopic> topics = new ArrayList<>();
      for (String t : TOPICS) {
        topics.add(new NewTopic(t, 3, (short) 1));
        topics.add(new NewTopic(t + "-dlq", 1, (short) 1));
      }
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    }
    // Dapr resources: Kafka pub/sub, a per-sidecar broadcast pub/sub, a file secret store
    this.resources = Files.createDirectories(work.resolve("resources"));
    String brokers = kafka.bootstrapServers();
    Files.writeString(resources.resolve("pubsub.yaml"), pubsub("pubsub", brokers, "", "oldest"));
    Files.writeString(
        resources.resolve("pubsub-broadcast.yaml"),
        pubsub("pubsub-broadcast", brokers, "{uuid}", "newest") + "scopes:\n  - todo-backend\n");
    // The product's own resiliency policies (publish timeout, retries, circuit breakers), so that
    // the outage test measures what a deployment gets
    Path repo = Path.of(System.getProperty("todo.repo", "..")).toAbsolutePath().normalize();
    Files.copy(
        repo.resolve("dapr/components/resiliency.yaml"), resources.resolve("resiliency.yaml"));
    String pgUrl =
        db.url()
            .replace(
                "jdbc:postgresql://", "postgres://" + db.username() + ":" + db.password() + "@");
    Path secrets = work.resolve("secrets.json");
    Files.writeString(
        secrets,
        Api.JSON.writeValueAsString(Map.of("database-url", pgUrl, "jwt-secret", JWT_SECRET)));
    Files.writeString(
        resources.resolve("secretstore.yaml"),
        "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: secretstore\nspec:\n"
            + "  type: secretstores.local.file\n  version: v1\n  metadata:\n"
            + "    - name: secretsFile\n      value: \""
            + secrets
            + "\"\n");
    // Self-hosted name resolution is mDNS (the sqlite resolver is not in the stable build)
    this.config = work.resolve("config.yaml");
    Files.writeString(config, configuration(List.of("database-url", "jwt-secret")));
    // Sentry: the CA that gives every sidecar its SPIFFE identity (mTLS), without which an
    // access-control policy cannot tell callers apart
    this.sentryPort = freePort();
    Path issuer = Files.createDirectories(work.resolve("sentry"));
    Path sentryConfig = work.resolve("sentry-config.yaml");
    Files.writeString(
        sentryConfig,
        "apiVersion: dapr.io/v1alpha1\nkind: Configuration\nmetadata:\n  name: daprsystem\n"
            + "spec:\n  mtls:\n    enabled: true\n    workloadCertTTL: \"24h\"\n"
            + "    allowedClockSkew: \"15m\"\n");
    Proc sentry =
        new Proc(
            "sentry",
            List.of(
                bin.resolve("sentry").toString(),
                "--issuer-credentials",
                issuer.toString(),
                "--trust-domain",
                "localhost",
                "--port",
                Integer.toString(sentryPort),
                "--listen-address",
                "127.0.0.1",
                "--healthz-port",
                Integer.toString(freePort()),
                "--healthz-listen-address",
                "127.0.0.1",
                "--metrics-port",
                Integer.toString(freePort()),
                "--config",
                sentryConfig.toString(),
                "--log-level",
                "warn"),
            Map.of(),
            logs.resolve("sentry.log"));
    processes.add(sentry);
    sentry.start();
    Path rootCert = issuer.resolve("ca.crt");
    long sentryDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.isRegularFile(rootCert) || Files.size(rootCert) == 0) {
      if (!sentry.alive() || System.nanoTime() > sentryDeadline) {
        throw new IllegalStateException("sentry did not write " + rootCert + "; see " + sentry.log);
      }
      sleep(200);
    }
    sleep(500);
    this.trustAnchors = Files.readString(rootCert);
    // The scheduler (jobs)
    this.schedulerPort = freePort();
    int etcdClient = freePort();
    int etcdPeer = freePort();
    Proc scheduler =
        new Proc(
            "scheduler",
            List.of(
                bin.resolve("scheduler").toString(),
                "--listen-address",
                "127.0.0.1",
                "--port",
                Integer.toString(schedulerPort),
                "--etcd-data-dir",
                work.resolve("etcd").toString(),
                "--etcd-client-port",
                Integer.toString(etcdClient),
                "--etcd-initial-cluster",
                "dapr-scheduler-server-0=http://127.0.0.1:" + etcdPeer,
                "--healthz-port",
                Integer.toString(freePort()),
                "--metrics-port",
                Integer.toString(freePort()),
                // the sidecars speak mTLS (see sentry above), to the scheduler too
                "--tls-enabled",
                "--sentry-address",
                "127.0.0.1:" + sentryPort,
                "--trust-anchors-file",
                rootCert.toString(),
                "--trust-domain",
                "localhost",
                "--identity-directory-write",
                work.resolve("scheduler-identity").toString(),
                "--log-level",
                "warn"),
            Map.of("NAMESPACE", "default"),
            logs.resolve("scheduler.log"));
    processes.add(scheduler);
    scheduler.start();
  }

  /**
   * The Dapr Configuration of one role's sidecar: the access-control policy of the product (only
   * {@code recurring-service} may invoke the backend, and only its occurrence method) and a secret
   * scope that lets the role read just the secrets it needs.
   */
  static String configuration(List<String> allowedSecrets) {
    return "apiVersion: dapr.io/v1alpha1\nkind: Configuration\nmetadata:\n  name: e2e\nspec:\n"
        + "  metric:\n    enabled: false\n"
        + "  accessControl:\n    defaultAction: deny\n    trustDomain: \"public\"\n"
        + "    policies:\n      - appId: recurring-service\n        defaultAction: deny\n"
        + "        trustDomain: \"public\"\n        namespace: \"default\"\n"
        + "        operations:\n          - name: /internal/occurrences\n"
        + "            httpVerb: [\"POST\"]\n            action: allow\n"
        + "  secrets:\n    scopes:\n      - storeName: secretstore\n"
        + "        defaultAccess: deny\n        allowedSecrets: ["
        + String.join(", ", allowedSecrets.stream().map(n -> "\"" + n + "\"").toList())
        + "]\n";
  }

  /** The configuration file of a role: the backend reads the JWT secret, the others do not. */
  private Path configFor(String role) {
    Path file = work.resolve("config-" + role + ".yaml");
    try {
      if (!Files.exists(file)) {
        Files.writeString(
            file,
            configuration(
                role.equals("backend")
                    ? List.of("database-url", "jwt-secret")
                    : List.of("database-url")));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pubsub(String name, String brokers, String consumerId, String offset) {
    return "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: "
        + name
        + "\nspec:\n  type: pubsub.kafka\n  version: v1\n  metadata:\n"
        + "    - name: brokers\n      value: \""
        + brokers
        + "\"\n    - name: authType\n      value: \"none\"\n"
        + "    - name: disableTls\n      value: \"true\"\n"
        + "    - name: initialOffset\n      value: \""
        + offset
        + "\"\n    - name: consumeRetryEnabled\n      value: \"true\"\n"
        + "    - name: backOffDuration\n      value: \"200ms\"\n"
        + (consumerId.isEmpty()
            ? ""
            : "    - name: consumerID\n      value: \"" + consumerId + "\"\n");
  }

  Role role(String name, String role, String appId) {
    Role r = new Role(name, role, appId);
    processes.add(r.app);
    processes.add(r.sidecar);
    return r;
  }

  @Override
  public void close() {
    List<Proc> reversed = new ArrayList<>(processes);
    java.util.Collections.reverse(reversed);
    for (Proc p : reversed) {
      if (p.alive()) {
        p.process.destroy();
      }
    }
    for (Proc p : reversed) {
      p.stop();
    }
    try {
      kafka.close();
    } catch (Exception e) {
      // best effort
    }
    try (Stream<Path> files = Files.walk(work)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; best effort
    }
  }

  static Properties consumerProperties(String bootstrap, String group) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("group.id", group);
    p.put("auto.offset.reset", "earliest");
    p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    p.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    return p;
  }

  static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Ports handed out so far: the OS may offer a released port again, which must not be reused. */
  private static final java.util.Set<Integer> ISSUED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  static int freePort() {
    while (true) {
      try (ServerSocket s = new ServerSocket(0)) {
        s.setReuseAddress(true);
        if (ISSUED.add(s.getLocalPort())) {
          return s.getLocalPort();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
