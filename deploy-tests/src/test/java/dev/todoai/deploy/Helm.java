package dev.todoai.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real helm binary, located (and on a fresh machine built) by {@code scripts/helm.sh}, and the
 * repository it runs in.
 */
final class Helm {
  static final String RELEASE = "todo-ai";
  static final String NAMESPACE = "default";

  private static Path binary;

  private Helm() {}

  /** Output of one helm run. */
  record Result(int exitCode, String stdout, String stderr) {
    boolean ok() {
      return exitCode == 0;
    }

    String describe() {
      return "exit " + exitCode + "\n--- stderr\n" + stderr + "\n--- stdout\n" + stdout;
    }
  }

  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("scripts/helm.sh"))
          && Files.isDirectory(dir.resolve("helm/todo-ai"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("repository root (with scripts/helm.sh) not found");
  }

  static Path chart() {
    return repoRoot().resolve("helm/todo-ai");
  }

  static synchronized Path binary() {
    if (binary == null) {
      // builds helm from the Go module proxy on a fresh machine: allow it ten minutes
      Result located = exec(List.of("bash", "scripts/helm.sh"), 600);
      if (!located.ok()) {
        throw new IllegalStateException("scripts/helm.sh failed: " + located.describe());
      }
      String[] lines = located.stdout().strip().split("\n");
      binary = Path.of(lines[lines.length - 1].strip());
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException("scripts/helm.sh printed no executable: " + binary);
      }
    }
    return binary;
  }

  /** {@code helm template todo-ai helm/todo-ai --namespace default <args>}. */
  static Result template(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(List.of("template", RELEASE, chart().toString(), "--namespace", NAMESPACE));
    command.addAll(args);
    return exec(command, 120);
  }

  /** {@code helm lint --strict helm/todo-ai <args>}. */
  static Result lint(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(List.of("lint", "--strict", chart().toString()));
    command.addAll(args);
    return exec(command, 120);
  }

  private static Result exec(List<String> command, long timeoutSeconds) {
    try {
      Path out = Files.createTempFile("helm", ".out");
      Path err = Files.createTempFile("helm", ".err");
      try {
        Process process =
            new ProcessBuilder(command)
                .directory(repoRoot().toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
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
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
