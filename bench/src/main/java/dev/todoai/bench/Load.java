package dev.todoai.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code clients} threads, each with its own HTTP connection or database
 * connection, run one operation after another; a warm-up phase, then a measured phase whose
 * latencies go into an HdrHistogram (microseconds).
 */
final class Load {
  /** One client's connections, made on first use and kept for the whole run. */
  static final class Client implements AutoCloseable {
    private final Target target;
    final SplittableRandom random;
    private Http http;
    private Connection db;

    Client(Target target, long seed) {
      this.target = target;
      this.random = new SplittableRandom(seed);
    }

    Http http() {
      if (http == null) {
        http = new Http("127.0.0.1", target.httpPort());
      }
      return http;
    }

    Connection db() throws SQLException {
      if (db == null) {
        db = DriverManager.getConnection(target.jdbcUrl(), target.dbUser(), target.dbPassword());
      }
      return db;
    }

    @Override
    public void close() {
      if (http != null) {
        http.close();
      }
      if (db != null) {
        try {
          db.close();
        } catch (SQLException ignored) {
          // closing anyway
        }
      }
    }
  }

  /** Where the load goes. */
  record Target(int httpPort, String jdbcUrl, String dbUser, String dbPassword) {}

  /** One operation (one request, one statement, or a short sequence of them). */
  @FunctionalInterface
  interface Op {
    void run(Client client) throws Exception;
  }

  /** What a measured phase gave. */
  record Result(
      long operations,
      double seconds,
      Histogram micros,
      long errors,
      String firstError,
      long allOperations,
      double productCpuMicros,
      double postgresCpuMicros) {
    double throughput() {
      return operations / seconds;
    }

    double p50() {
      return micros.getValueAtPercentile(50) / 1000.0;
    }

    double p99() {
      return micros.getValueAtPercentile(99) / 1000.0;
    }

    /** CPU time of the product's JVM per operation (warm-up included), in microseconds. */
    double productCpuPerOp() {
      return allOperations == 0 ? Double.NaN : productCpuMicros / allOperations;
    }

    /** CPU time of the PostgreSQL server per operation (warm-up included), in microseconds. */
    double postgresCpuPerOp() {
      return allOperations == 0 ? Double.NaN : postgresCpuMicros / allOperations;
    }
  }

  private Load() {}

  /** CPU time (microseconds) of the processes the load lands on. */
  interface CpuMeter {
    double productMicros();

    double postgresMicros();
  }

  static Result run(
      Target target, int clients, double warmupSeconds, double seconds, Op op, CpuMeter cpu)
      throws InterruptedException {
    AtomicLong all = new AtomicLong();
    double product0 = cpu.productMicros();
    double postgres0 = cpu.postgresMicros();
    List<Histogram> histograms = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    long start = System.nanoTime();
    long measureFrom = start + (long) (warmupSeconds * 1e9);
    long measureTo = measureFrom + (long) (seconds * 1e9);
    CountDownLatch done = new CountDownLatch(clients);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Histogram h = new Histogram(60_000_000L, 3);
      histograms.add(h);
      long seed = 7919L * (i + 1);
      Thread t =
          new Thread(
              () -> {
                try (Client client = new Client(target, seed)) {
                  while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= measureTo) {
                      break;
                    }
                    boolean failed = false;
                    try {
                      op.run(client);
                    } catch (Exception | Error e) {
                      failed = true;
                      errors.incrementAndGet();
                      firstError.compareAndSet(null, e.toString());
                      client.close();
                      sleepQuietly(10);
                    }
                    long t1 = System.nanoTime();
                    if (!failed) {
                      all.incrementAndGet();
                    }
                    if (!failed && t0 >= measureFrom && t1 <= measureTo) {
                      h.recordValue(Math.max(1, (t1 - t0) / 1000));
                    }
                  }
                } finally {
                  done.countDown();
                }
              },
              "load-" + i);
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
    // CPU is read when the measured phase ends, before the clients close their connections (a
    // PostgreSQL backend's CPU time goes with its process).
    long sleep = measureTo - System.nanoTime();
    if (sleep > 0) {
      Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
    }
    double productCpu = cpu.productMicros() - product0;
    double postgresCpu = cpu.postgresMicros() - postgres0;
    long allOps = all.get();
    done.await();
    Histogram total = new Histogram(60_000_000L, 3);
    histograms.forEach(total::add);
    return new Result(
        total.getTotalCount(),
        seconds,
        total,
        errors.get(),
        firstError.get(),
        allOps,
        productCpu,
        postgresCpu);
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
