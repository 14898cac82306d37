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
    final Proc app;
    final Proc sidecar;

    Role(String name, String role, String appId) {
      this.name = name;
      this.appId = appId;
      this.appPort = freePort();
      this.daprHttpPort = freePort();
      this.daprGrpcPort = freePort();
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
                  config.toString(),
                  "--scheduler-host-address",
                  "127.0.0.1:" + schedulerPort,
                  "--log-level",
                  "warn"),
              Map.of("APP_API_TOKEN", APP_TOKEN),
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
          HttpResponse<String> meta =
              get(URI.create("http://localhost:" + daprHttpPort + "/v1.0/metadata"));
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
    // With a dead-letter topic, Dapr parks a message there once the resiliency policy gives up
    // (RETRY answers and an unreachable app included): retry deliveries for as long as it takes.
    Files.writeString(
        resources.resolve("resiliency.yaml"),
        "apiVersion: dapr.io/v1alpha1\nkind: Resiliency\nmetadata:\n  name: e2e-resiliency\n"
            + "spec:\n  policies:\n    retries:\n      deliverForever:\n"
            + "        policy: constant\n        duration: 500ms\n        maxRetries: -1\n"
            + "  targets:\n    components:\n"
            + "      pubsub:\n        inbound:\n          retry: deliverForever\n"
            + "      pubsub-broadcast:\n        inbound:\n          retry: deliverForever\n");
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
    Files.writeString(
        config,
        "apiVersion: dapr.io/v1alpha1\nkind: Configuration\nmetadata:\n  name: e2e\nspec:\n"
            + "  metric:\n    enabled: false\n");
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
                "--log-level",
                "warn"),
            Map.of(),
            logs.resolve("scheduler.log"));
    processes.add(scheduler);
    scheduler.start();
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

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
