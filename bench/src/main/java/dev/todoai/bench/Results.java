package dev.todoai.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run measured. */
final class Results {
  Options options;
  Instant started;
  Instant finished;
  String loadBefore;
  String loadAfter;
  String postgres;
  Map<String, String> settings = new LinkedHashMap<>();
  double startupEmpty;
  double maxRssAll;
  final List<Row> rows = new ArrayList<>();

  /** name -> {p50 ms, p99 ms, max ms} (or the values the name says). */
  final Map<String, double[]> latencies = new LinkedHashMap<>();

  /** One scenario at one concurrency: the API, the product's SQL raw, the plain SQL raw. */
  record Row(
      String section,
      String scenario,
      String label,
      int clients,
      int heavyTasks,
      Load.Result api,
      Load.Result productSql,
      Load.Result plainSql,
      double rssMb) {

    double ratio(Load.Result raw) {
      return raw == null || raw.throughput() == 0
          ? Double.NaN
          : api.throughput() / raw.throughput();
    }

    String line() {
      return String.format(
          "%-7s %-8s c=%-3d %,9d tasks | API %8.0f/s p50 %6.2f p99 %7.2f ms cpu/op JVM %5.0f + PG %5.0f us%s%s%s | RSS %.0f MB",
          section,
          scenario,
          clients,
          heavyTasks,
          api.throughput(),
          api.p50(),
          api.p99(),
          api.productCpuPerOp(),
          api.postgresCpuPerOp(),
          raw(" product-SQL", productSql),
          raw(" plain-SQL", plainSql),
          api.errors() > 0 ? " ERRORS " + api.errors() + " " + api.firstError() : "",
          rssMb);
    }

    private String raw(String name, Load.Result r) {
      if (r == null) {
        return "";
      }
      return String.format(
          " |%s %8.0f/s p50 %6.2f p99 %7.2f ms PG %5.0f us/op API/raw %.2f%s",
          name,
          r.throughput(),
          r.p50(),
          r.p99(),
          r.postgresCpuPerOp(),
          ratio(r),
          r.errors() > 0 ? " ERRORS " + r.errors() + " " + r.firstError() : "");
    }
  }
}
