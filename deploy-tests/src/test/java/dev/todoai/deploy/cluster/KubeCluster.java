package dev.todoai.deploy.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The single-node test cluster of {@code scripts/kube-cluster.sh}: started (images rebuilt from the
 * working tree first) by the first test class that needs it, stopped when the JVM's cluster tests
 * are done. The tests run only when {@code TODO_DEPLOY_E2E=1} ({@code scripts/test.sh} sets it):
 * the cluster needs root, ~3 GB of memory and, on a fresh machine, half an hour of builds.
 */
public final class KubeCluster {
  public static final String ENABLED_VARIABLE = "TODO_DEPLOY_E2E";

  private static KubeCluster instance;

  private final Path repo;
  private final Path kubeconfig;
  private final Path helm;
  private final Path kubectl;
  private final long startupSeconds;

  /** Output of one command. */
  public record Result(int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    public String describe() {
      return "exit " + exitCode + "\n--- stderr\n" + stderr + "\n--- stdout\n" + stdout;
    }
  }

  private KubeCluster(Path repo, Path kubeconfig, Path helm, Path kubectl, long startupSeconds) {
    this.repo = repo;
    this.kubeconfig = kubeconfig;
    this.helm = helm;
    this.kubectl = kubectl;
    this.startupSeconds = startupSeconds;
  }

  public static boolean enabled() {
    return "1".equals(System.getenv(ENABLED_VARIABLE));
  }

  /** Starts the cluster once per JVM; a shutdown hook brings it down again. */
  public static synchronized KubeCluster get() {
    if (instance == null) {
      Path repo = repoRoot();
      long started = System.nanoTime();
      // up = prepare (packages, binaries, images incl. the product image) + start; the first
      // time on a fresh machine this builds everything
      Result up = exec(repo, List.of("bash", "scripts/kube-cluster.sh", "up"), Map.of(), 5400);
      if (!up.ok()) {
        exec(repo, List.of("bash", "scripts/kube-cluster.sh", "down"), Map.of(), 300);
        throw new IllegalStateException("scripts/kube-cluster.sh up failed: " + up.describe());
      }
      String[] lines = up.stdout().strip().split("\n");
      Path kubeconfig = Path.of(lines[lines.length - 1].strip());
      Result helm = exec(repo, List.of("bash", "scripts/helm.sh"), Map.of(), 900);
      if (!helm.ok()) {
        throw new IllegalStateException("scripts/helm.sh failed: " + helm.describe());
      }
      String[] helmLines = helm.stdout().strip().split("\n");
      Result bin = exec(repo, List.of("bash", "scripts/kube/build-binaries.sh"), Map.of(), 5400);
      Path kubectl =
          Path.of(bin.stdout().strip().lines().reduce((a, b) -> b).orElseThrow())
              .resolve("kubectl");
      long startup = readLong(Path.of("/run/todo-ai-kube/startup-seconds"));
      System.out.printf(
          "[kube] cluster ready (%d s for prepare + up; start-up alone %d s)%n",
          Duration.ofNanos(System.nanoTime() - started).toSeconds(), startup);
      System.out.println("[kube] up log:\n" + up.stderr());
      instance =
          new KubeCluster(
              repo, kubeconfig, Path.of(helmLines[helmLines.length - 1].strip()), kubectl, startup);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    Result down =
                        exec(
                            repo,
                            List.of("bash", "scripts/kube-cluster.sh", "down"),
                            Map.of(),
                            300);
                    System.out.println("[kube] down: " + down.stderr().strip());
                  },
                  "kube-cluster-down"));
    }
    return instance;
  }

  public long startupSeconds() {
    return startupSeconds;
  }

  public Path repo() {
    return repo;
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  /** {@code kubectl <args>} against the cluster. */
  public Result kubectl(String... args) {
    return kubectlWithInput(null, args);
  }

  public Result kubectlWithInput(String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(kubectl.toString());
    command.add("--kubeconfig");
    command.add(kubeconfig.toString());
    command.addAll(List.of(args));
    return exec(repo, command, Map.of(), 300, stdin);
  }

  /** kubectl that must succeed; returns its standard output. */
  public String kubectlOk(String... args) {
    Result r = kubectl(args);
    if (!r.ok()) {
      throw new AssertionError("kubectl " + String.join(" ", args) + " failed: " + r.describe());
    }
    return r.stdout();
  }

  /** {@code helm <args>} against the cluster. */
  public Result helm(String... args) {
    List<String> command = new ArrayList<>();
    command.add(helm.toString());
    command.addAll(List.of(args));
    return exec(repo, command, Map.of("KUBECONFIG", kubeconfig.toString()), 600, null);
  }

  public String helmOk(String... args) {
    Result r = helm(args);
    if (!r.ok()) {
      throw new AssertionError("helm " + String.join(" ", args) + " failed: " + r.describe());
    }
    return r.stdout();
  }

  /** {@code scripts/kube-cluster.sh <args>}. */
  public Result script(String... args) {
    List<String> command = new ArrayList<>(List.of("bash", "scripts/kube-cluster.sh"));
    command.addAll(List.of(args));
    return exec(repo, command, Map.of(), 600, null);
  }

  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("scripts/kube-cluster.sh"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("repository root (with scripts/kube-cluster.sh) not found");
  }

  private static long readLong(Path file) {
    try {
      return Long.parseLong(Files.readString(file).strip());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  static Result exec(Path dir, List<String> command, Map<String, String> env, long timeoutSeconds) {
    return exec(dir, command, env, timeoutSeconds, null);
  }

  static Result exec(
      Path dir, List<String> command, Map<String, String> env, long timeoutSeconds, String stdin) {
    try {
      Path out = Files.createTempFile("kube", ".out");
      Path err = Files.createTempFile("kube", ".err");
      Path in = null;
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(env);
        if (stdin != null) {
          in = Files.createTempFile("kube", ".in");
          Files.writeString(in, stdin);
          builder.redirectInput(in.toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(
              "timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
        }
        return new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        if (in != null) {
          Files.deleteIfExists(in);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
