package dev.todoai.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The harness's settings, from {@code --name=value} arguments. */
final class Options {
  boolean quick;
  double warmup = 5;
  double measure = 10;
  double jitWarmup = 60;
  int[] clients = {1, 16, 64};
  int users = 1_000;
  int tasksPerUser = 1_000;
  int[] scales = {10_000, 100_000, 1_000_000};
  int matrixScale = 100_000;
  String label = "run";
  Path docs = Path.of("docs");
  Path jar = Path.of("bootstrap/target/todo-ai.jar");
  Set<String> only = Set.of();
  Set<String> skip = Set.of();

  /** The JVM options scripts/run.sh starts the product with (RUN_JAVA_OPTS there). */
  static final List<String> RUN_DEFAULTS =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms96m",
          "-Xmn48m",
          "-Xmx256m",
          "-Xss512k",
          "-XX:ReservedCodeCacheSize=64m");

  List<String> productJvm = new ArrayList<>(RUN_DEFAULTS);

  static Options parse(String[] args) {
    Options o = new Options();
    for (String arg : args) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
      switch (name) {
        case "--quick" -> {
          o.quick = true;
          o.warmup = 2;
          o.measure = 4;
          o.jitWarmup = 20;
          o.scales = new int[] {10_000, 100_000};
        }
        case "--warmup" -> o.warmup = Double.parseDouble(value);
        case "--measure" -> o.measure = Double.parseDouble(value);
        case "--jit-warmup" -> o.jitWarmup = Double.parseDouble(value);
        case "--clients" -> o.clients = ints(value);
        case "--users" -> o.users = Integer.parseInt(value);
        case "--tasks" -> o.tasksPerUser = Integer.parseInt(value);
        case "--scales" -> o.scales = ints(value);
        case "--matrix-scale" -> o.matrixScale = Integer.parseInt(value);
        case "--label" -> o.label = value;
        case "--docs" -> o.docs = Path.of(value);
        case "--jar" -> o.jar = Path.of(value);
        case "--only" -> o.only = Set.of(value.split(","));
        case "--skip" -> o.skip = Set.of(value.split(","));
        case "--product-jvm" ->
            o.productJvm = value.isBlank() ? List.of() : Arrays.asList(value.split(" "));
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (Arrays.stream(o.scales).noneMatch(s -> s == o.matrixScale)) {
      throw new IllegalArgumentException("--scales must include --matrix-scale " + o.matrixScale);
    }
    return o;
  }

  private static int[] ints(String text) {
    return Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).sorted().toArray();
  }

  String describe() {
    return String.format(
        "product warmed up for %.0f s (every API scenario in turn), then per variant a warm-up of"
            + " %.0f s and %.0f s measured; clients %s; %,d users x %,d tasks;"
            + " heavy user at %s tasks (full matrix at %,d)%s",
        jitWarmup,
        warmup,
        measure,
        Arrays.stream(clients).mapToObj(Integer::toString).collect(Collectors.joining("/")),
        users,
        tasksPerUser,
        Arrays.stream(scales)
            .mapToObj(s -> String.format("%,d", s))
            .collect(Collectors.joining(", ")),
        matrixScale,
        productJvm.isEmpty() ? "" : "; product JVM options " + String.join(" ", productJvm));
  }
}
