package dev.todoai.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Dockerfile's promises that need no Docker engine to check. */
class DockerfileTest {

  @Test
  void buildsWithMavenAndRunsTheJarOnAJreAsANonRootUserWithAHealthCheck() throws IOException {
    List<String> lines =
        Files.readAllLines(Helm.repoRoot().resolve("Dockerfile")).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    List<String> stages = lines.stream().filter(l -> l.startsWith("FROM ")).toList();

    assertThat(stages).hasSize(5);
    assertThat(stages.get(0)).as("Node.js for the web app's build").contains("node:20");
    assertThat(stages.get(1)).contains("maven").contains(" AS build");
    assertThat(stages.get(2)).contains("-jre").contains(" AS runtime");
    assertThat(stages.get(3)).as("the class-data sharing archive").isEqualTo("FROM runtime AS cds");
    assertThat(stages.get(4))
        .as("the image: the runtime stage plus the archive")
        .isEqualTo("FROM runtime");
    assertThat(text(lines)).contains("COPY --from=node /usr/local/bin/node");
    String text = text(lines);
    assertThat(text).contains("bootstrap/target/todo-ai.jar");
    String user =
        lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
    assertThat(user).doesNotContain("root").matches("USER [1-9][0-9]*(:[0-9]+)?");
    assertThat(text).contains("HEALTHCHECK").contains("/health/readiness");
    assertThat(text)
        .contains("TODO_EXIT_AFTER_START=1")
        .contains("-XX:ArchiveClassesAtExit=/tmp/cds/todo-ai.jsa")
        .contains("COPY --from=cds --chown=root:root /tmp/cds/todo-ai.jsa /app/todo-ai.jsa");
    assertThat(text)
        .contains(
            "ENTRYPOINT [\"java\", \"-XX:SharedArchiveFile=/app/todo-ai.jsa\", \"-Xshare:auto\","
                + " \"-jar\", \"/app/todo-ai.jar\"]");
    assertThat(text).as("the image bakes in no role").doesNotContain("TODO_ROLE=");
  }

  private static String text(List<String> lines) {
    return String.join("\n", lines);
  }
}
