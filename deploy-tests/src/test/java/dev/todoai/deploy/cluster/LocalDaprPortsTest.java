package dev.todoai.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/run-dapr-local.sh}'s fixed ports: all outside Linux's ephemeral range, where any
 * outgoing connection could hold one, and checked before anything starts. A taken port ends the
 * start at once with a message naming it, and nothing is left running or created.
 */
class LocalDaprPortsTest {
  private static final Path ROOT = KubeCluster.repoRoot();
  private static final Path SCRIPT = ROOT.resolve("scripts/run-dapr-local.sh");

  @Test
  void everyFixedPortOfTheScriptIsBelowTheEphemeralRange() throws IOException {
    String script = Files.readString(SCRIPT);
    Matcher free = Pattern.compile("free_ports ((?:[0-9]+[ \\\\\\n]+)+)").matcher(script);
    List<Integer> checked =
        free.results()
            .flatMap(m -> Stream.of(m.group(1).split("[^0-9]+")))
            .filter(s -> !s.isEmpty())
            .map(Integer::valueOf)
            .toList();
    assertThat(checked).as("the ports the script checks").hasSizeGreaterThan(20);
    // every port the script gives a listener is one that it checks: the scheduler's flags, and
    // each role's first port (app, daprd HTTP, gRPC, internal gRPC: base + i)
    List<Integer> listened =
        Stream.concat(
                Pattern.compile("--[a-z-]*port ([0-9]+)")
                    .matcher(script)
                    .results()
                    .map(m -> Integer.valueOf(m.group(1))),
                Pattern.compile("=\\$\\(\\(([0-9]+) \\+ i\\)\\)")
                    .matcher(script)
                    .results()
                    .map(m -> Integer.valueOf(m.group(1))))
            .distinct()
            .toList();
    assertThat(listened).contains(5006, 5007, 5009, 9096, 8080, 3500, 5001, 5011);
    assertThat(checked).containsAll(listened);
    assertThat(checked).allSatisfy(port -> assertThat(port).isLessThan(32768));
    assertThat(Files.readString(ROOT.resolve("dapr/local/dapr.yaml")))
        .contains("schedulerHostAddress: localhost:5006")
        .doesNotContainPattern("(?m)Port: *(3[3-9]|[4-5][0-9]|60)[0-9]{3}$");
  }

  @Test
  void aTakenPortStopsTheStartBeforeAnythingRunsAndNamesThePort() throws Exception {
    Path dir = Files.createTempDirectory("todo-dapr-ports");
    try (ServerSocket taken = new ServerSocket()) {
      // the first port the script checks (the scheduler's): held here, so nothing else has it
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 5006));
      ProcessBuilder builder =
          new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
      builder.environment().put("TODO_LOCAL_DIR", dir.toString());
      builder.environment().put("TODO_LOCAL_PG_DIR", dir.resolve("pg").toString());
      Process run = builder.start();
      run.getOutputStream().close();
      assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the script ends").isTrue();
      String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(run.exitValue()).as(output).isEqualTo(1);
      assertThat(output)
          .contains("port 5006 is in use")
          // the holder: this JVM's socket (an IPv4-mapped address when Java binds dual-stack)
          .containsPattern("LISTEN \\[?(::ffff:)?127\\.0\\.0\\.1]?:5006 users:\\(\\(\"java\"")
          .doesNotContain("PostgreSQL")
          .doesNotContain("Kafka")
          .doesNotContain("stopping");
      try (Stream<Path> logs = Files.list(dir.resolve("logs"))) {
        assertThat(logs).as("logs of started processes").isEmpty();
      }
      assertThat(dir.resolve("pg")).doesNotExist();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
