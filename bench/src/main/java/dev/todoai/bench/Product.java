package dev.todoai.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The product as users run it: its jar in a JVM of its own, role {@code all}, embedded PostgreSQL
 * with data under the run's directory. Knows its start-up time and samples its resident memory.
 */
final class Product implements AutoCloseable {
  static final String JWT_SECRET = "benchmark-secret-benchmark-secret-0123456789";

  private final Path jar;
  private final Path dataDir;
  private final Path log;
  private final List<String> jvmOptions;
  private final Map<String, String> extraEnv;
  final int httpPort;
  final int dbPort;
  private Process process;
  private Thread sampler;
  private final AtomicLong maxRssKb = new AtomicLong();
  private double startupSeconds;

  Product(Path jar, Path dataDir, List<String> jvmOptions, Map<String, String> extraEnv)
      throws IOException {
    this.jar = jar;
    this.dataDir = dataDir;
    this.log = dataDir.resolve("product.log");
    this.jvmOptions = jvmOptions;
    this.extraEnv = extraEnv;
    this.httpPort = freePort();
    this.dbPort = freePort();
    Files.createDirectories(dataDir);
  }

  /** Starts the process and waits until {@code /health} answers 200; returns seconds taken. */
  double start() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("TODO_DATA_DIR", dataDir.toString());
    pb.environment().put("TODO_PORT", Integer.toString(httpPort));
    pb.environment().put("TODO_DB_PORT", Integer.toString(dbPort));
    pb.environment().put("TODO_JWT_SECRET", JWT_SECRET);
    pb.environment().put("TODO_ROLE", "all");
    pb.environment().putAll(extraEnv);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    long t0 = System.nanoTime();
    process = pb.start();
    try (Http http = new Http("127.0.0.1", httpPort)) {
      long deadline = t0 + TimeUnit.SECONDS.toNanos(180);
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("the product exited at start; see " + log);
        }
        try {
          if (http.get("/health", null).status() == 200) {
            break;
          }
        } catch (IOException notYet) {
          http.close();
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the product did not become healthy; see " + log);
        }
        Thread.sleep(25);
      }
    }
    startupSeconds = (System.nanoTime() - t0) / 1e9;
    maxRssKb.set(0);
    sampler = new Thread(this::sample, "rss-sampler");
    sampler.setDaemon(true);
    sampler.start();
    return startupSeconds;
  }

  double startupSeconds() {
    return startupSeconds;
  }

  long pid() {
    return process.pid();
  }

  /** Resident memory of the product's JVM now, in MB (the PostgreSQL processes not included). */
  double rssMb() {
    return rssKb(process.pid()) / 1024.0;
  }

  /** The largest resident memory seen since the last reset, in MB. */
  double maxRssMb() {
    return maxRssKb.get() / 1024.0;
  }

  void resetMaxRss() {
    maxRssKb.set(0);
  }

  private void sample() {
    while (process != null && process.isAlive()) {
      long kb = rssKb(process.pid());
      maxRssKb.accumulateAndGet(kb, Math::max);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  /** CPU time (user + system) of the product's JVM so far, in microseconds. */
  double cpuMicros() {
    return process == null ? 0 : cpuMicros(process.pid());
  }

  /**
   * CPU time of the embedded PostgreSQL so far, in microseconds: the postmaster, its live backends,
   * and the backends that have exited (the raw clients' connections end with their phase; their
   * time is in the postmaster's cutime/cstime once it has reaped them).
   */
  double postgresCpuMicros() {
    try {
      long postmaster =
          Long.parseLong(
              Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                  .get(0)
                  .trim());
      double sum = cpuMicros(postmaster, true);
      for (ProcessHandle child :
          ProcessHandle.of(postmaster).map(h -> h.children().toList()).orElse(List.of())) {
        sum += cpuMicros(child.pid(), false);
      }
      return sum;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** utime + stime of a process, in microseconds. */
  static double cpuMicros(long pid) {
    return cpuMicros(pid, false);
  }

  /**
   * utime + stime of a process, plus cutime + cstime (its children that exited and were reaped)
   * when {@code withReapedChildren}, in microseconds.
   */
  static double cpuMicros(long pid, boolean withReapedChildren) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 14-17 of /proc/pid/stat, counted from the state field (3) here; ticks of 10 ms
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      if (withReapedChildren) {
        ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
      }
      return ticks * 10_000.0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** The embedded database's superuser password, generated by the product on its first start. */
  String dbPassword() throws IOException {
    return Files.readString(dataDir.resolve("postgres-password")).strip();
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + dbPort + "/postgres";
  }

  /** Stops the product (SIGTERM: graceful shutdown stops its PostgreSQL too). */
  @Override
  public void close() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopOrphanedPostgres();
    if (sampler != null) {
      sampler.interrupt();
    }
    process = null;
  }

  /** If the product did not stop its PostgreSQL, stop that server (by the pid in its data dir). */
  private void stopOrphanedPostgres() {
    File pidFile = dataDir.resolve("postgres").resolve("postmaster.pid").toFile();
    if (!pidFile.exists()) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readAllLines(pidFile.toPath()).get(0).trim());
      ProcessHandle.of(pid)
          .ifPresent(
              h -> {
                h.destroy();
                try {
                  h.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                  h.destroyForcibly();
                }
              });
    } catch (IOException | RuntimeException e) {
      // nothing to stop
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
