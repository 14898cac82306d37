package dev.todoai.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Prints the run's table and writes it into {@code docs/benchmarks.md} (between the
 * generated-section markers; the rest of the file is left as it is), with the plots as PNG files
 * beside it and the raw numbers as CSV.
 */
final class Report {
  static final String BEGIN = "<!-- bench:generated:begin -->";
  static final String END = "<!-- bench:generated:end -->";

  private Report() {}

  static void write(Results r, Options o) throws IOException {
    String md = markdown(r, o);
    System.out.println();
    System.out.println(md);
    Files.createDirectories(o.docs);
    Path doc = o.docs.resolve("benchmarks.md");
    String existing =
        Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n";
    int b = existing.indexOf(BEGIN);
    int e = existing.indexOf(END);
    String updated =
        b < 0 || e < b
            ? existing + "\n" + BEGIN + "\n" + md + END + "\n"
            : existing.substring(0, b + BEGIN.length()) + "\n" + md + existing.substring(e);
    Files.writeString(doc, updated);
    Files.writeString(o.docs.resolve("benchmarks-" + o.label + ".csv"), csv(r));
    Files.writeString(o.docs.resolve("benchmarks-" + o.label + ".md"), md);
    plots(r, o);
    System.out.println("== wrote " + doc + " and the plots beside it");
  }

  static String markdown(Results r, Options o) {
    StringBuilder s = new StringBuilder();
    DateTimeFormatter when =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    s.append("### Run `")
        .append(o.label)
        .append("` of ")
        .append(when.format(r.started))
        .append("\n\n");
    s.append("- Machine: ")
        .append(Machine.cpu())
        .append(", ")
        .append(Machine.memory())
        .append(" RAM; load average (1/5/15 min) ")
        .append(r.loadBefore)
        .append(" before, ")
        .append(r.loadAfter)
        .append(" after\n");
    s.append("- Java ")
        .append(System.getProperty("java.version"))
        .append(" (load generator and product); ")
        .append(r.postgres == null ? "" : r.postgres.replaceAll(" on .*", ""))
        .append(" (embedded)\n");
    s.append("- PostgreSQL settings: ");
    r.settings.forEach((k, v) -> s.append('`').append(k).append('=').append(v).append("` "));
    s.append("\n- Settings: ").append(o.describe()).append("\n");
    s.append(
        String.format(
            Locale.ROOT,
            "- Product start-up (empty database): %.2f s; largest RSS of the product JVM seen: %.0f MB%n",
            r.startupEmpty,
            r.maxRssAll));
    s.append(
        String.format(
            Locale.ROOT,
            "- Duration: %d min%n%n",
            java.time.Duration.between(r.started, r.finished).toMinutes()));
    s.append(
            "Throughput in operations/s; latencies in ms. **API ÷ raw** = API throughput ÷ raw throughput in the same run with the same clients.\n")
        .append(
            "*product SQL* = the statements the product sends, run directly over JDBC; *plain SQL* = the statement a hand-written server would send.\n\n");
    table(s, r, "reads", "Reads (heavy user, page of 50)");
    table(s, r, "writes", "Writes (durable as the product's database is configured)");
    table(s, r, "scale", "Scale points (16 clients)");
    if (!r.latencies.isEmpty()) {
      s.append("| latency scenario | p50 | p99 | max |\n|---|---|---|---|\n");
      for (Map.Entry<String, double[]> e : r.latencies.entrySet()) {
        double[] v = e.getValue();
        s.append(
            String.format(
                Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", e.getKey(), v[0], v[1], v[2]));
      }
      s.append("\n");
    }
    s.append("![API ÷ plain SQL per scenario](bench-ratio-").append(o.label).append(".png)\n\n");
    s.append("![API vs raw per scenario](bench-api-vs-raw-").append(o.label).append(".png)\n\n");
    s.append("![p99 vs tasks per user](bench-p99-vs-size-").append(o.label).append(".png)\n\n");
    return s.toString();
  }

  private static void table(StringBuilder s, Results r, String section, String title) {
    List<Results.Row> rows = r.rows.stream().filter(x -> x.section().equals(section)).toList();
    if (rows.isEmpty()) {
      return;
    }
    s.append("**").append(title).append("**\n\n");
    s.append(
        "| scenario | tasks/user | clients | API ops/s | API p50 / p99 | product SQL ops/s | p50 / p99 | plain SQL ops/s | p50 / p99 | API ÷ product SQL | API ÷ plain SQL |\n");
    s.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Results.Row x : rows) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %d | %,.0f | %.2f / %.2f%s | %s | %s | %s |%n",
              x.label(),
              x.heavyTasks(),
              x.clients(),
              x.api().throughput(),
              x.api().p50(),
              x.api().p99(),
              x.api().errors() > 0 ? " (" + x.api().errors() + " errors)" : "",
              raw(x.productSql()),
              raw(x.plainSql()),
              ratios(x)));
    }
    s.append("\n");
  }

  private static String raw(Load.Result r) {
    if (r == null) {
      return "– | –";
    }
    return String.format(Locale.ROOT, "%,.0f | %.2f / %.2f", r.throughput(), r.p50(), r.p99());
  }

  private static String ratios(Results.Row x) {
    return fmt(x.ratio(x.productSql())) + " | " + fmt(x.ratio(x.plainSql()));
  }

  private static String fmt(double ratio) {
    if (Double.isNaN(ratio)) {
      return "–";
    }
    String v = String.format(Locale.ROOT, "%.2f", ratio);
    return ratio >= 1.0 / 3 ? "**" + v + "**" : v;
  }

  static String csv(Results r) {
    StringBuilder s =
        new StringBuilder(
            "section,scenario,clients,tasks,variant,ops_per_s,p50_ms,p99_ms,errors\n");
    for (Results.Row x : r.rows) {
      line(s, x, "api", x.api());
      line(s, x, "product_sql", x.productSql());
      line(s, x, "plain_sql", x.plainSql());
    }
    return s.toString();
  }

  private static void line(StringBuilder s, Results.Row x, String variant, Load.Result v) {
    if (v == null) {
      return;
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%s,%s,%d,%d,%s,%.1f,%.3f,%.3f,%d%n",
            x.section(),
            x.scenario(),
            x.clients(),
            x.heavyTasks(),
            variant,
            v.throughput(),
            v.p50(),
            v.p99(),
            v.errors()));
  }

  private static void plots(Results r, Options o) throws IOException {
    System.setProperty("java.awt.headless", "true");
    DefaultCategoryDataset ratios = new DefaultCategoryDataset();
    for (Results.Row x : r.rows) {
      if (!x.section().equals("scale")
          && x.plainSql() != null
          && !Double.isNaN(x.ratio(x.plainSql()))) {
        ratios.addValue(x.ratio(x.plainSql()), x.clients() + " clients", x.scenario());
      }
    }
    JFreeChart ratio =
        ChartFactory.createBarChart(
            "API throughput ÷ plain SQL throughput, same run (" + o.label + ")",
            "scenario",
            "API ÷ raw",
            ratios,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    CategoryPlot rp = ratio.getCategoryPlot();
    ((BarRenderer) rp.getRenderer()).setBarPainter(new StandardBarPainter());
    rp.addRangeMarker(
        new org.jfree.chart.plot.ValueMarker(1.0 / 3, Color.RED, new BasicStroke(2f)));
    rp.setBackgroundPaint(Color.WHITE);
    rp.setRangeGridlinePaint(Color.GRAY);
    ratio.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(
        o.docs.resolve("bench-ratio-" + o.label + ".png").toFile(), ratio, 1000, 560);

    DefaultCategoryDataset bars = new DefaultCategoryDataset();
    for (Results.Row x : r.rows) {
      if (x.section().equals("scale") || x.clients() != 16) {
        continue;
      }
      bars.addValue(x.api().throughput(), "API (HTTP + JWT + JSON)", x.scenario());
      if (x.productSql() != null) {
        bars.addValue(x.productSql().throughput(), "product's SQL, raw JDBC", x.scenario());
      }
      if (x.plainSql() != null) {
        bars.addValue(x.plainSql().throughput(), "plain SQL, raw JDBC", x.scenario());
      }
    }
    JFreeChart bar =
        ChartFactory.createBarChart(
            "API vs raw SQL, 16 clients, heavy user "
                + String.format("%,d", o.matrixScale)
                + " tasks ("
                + o.label
                + ")",
            "scenario",
            "operations per second",
            bars,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    CategoryPlot cp = bar.getCategoryPlot();
    BarRenderer br = (BarRenderer) cp.getRenderer();
    br.setBarPainter(new StandardBarPainter());
    br.setSeriesPaint(0, new Color(0x1f77b4));
    br.setSeriesPaint(1, new Color(0xff7f0e));
    br.setSeriesPaint(2, new Color(0x2ca02c));
    cp.setBackgroundPaint(Color.WHITE);
    cp.setRangeGridlinePaint(Color.GRAY);
    bar.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(
        o.docs.resolve("bench-api-vs-raw-" + o.label + ".png").toFile(), bar, 1000, 560);

    XYSeriesCollection lines = new XYSeriesCollection();
    for (String scenario : List.of("list", "filter", "search")) {
      XYSeries api = new XYSeries(scenario + " API");
      XYSeries raw = new XYSeries(scenario + " plain SQL");
      for (Results.Row x : r.rows) {
        if (x.scenario().equals(scenario) && x.clients() == 16) {
          api.addOrUpdate(x.heavyTasks(), x.api().p99());
          if (x.plainSql() != null) {
            raw.addOrUpdate(x.heavyTasks(), x.plainSql().p99());
          }
        }
      }
      if (!api.isEmpty()) {
        lines.addSeries(api);
        lines.addSeries(raw);
      }
    }
    JFreeChart xy =
        ChartFactory.createXYLineChart(
            "p99 latency vs tasks of the user, 16 clients (" + o.label + ")",
            "tasks of the heavy user",
            "p99 latency (ms)",
            lines,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = xy.getXYPlot();
    LogAxis x = new LogAxis("tasks of the heavy user (log scale)");
    x.setBase(10);
    x.setNumberFormatOverride(new java.text.DecimalFormat("#,###"));
    plot.setDomainAxis(x);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, true);
    Color[] colors = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c)};
    for (int i = 0; i < lines.getSeriesCount(); i++) {
      lr.setSeriesPaint(i, colors[(i / 2) % 3]);
      lr.setSeriesStroke(
          i,
          i % 2 == 0
              ? new BasicStroke(2.5f)
              : new BasicStroke(
                  1.5f,
                  BasicStroke.CAP_BUTT,
                  BasicStroke.JOIN_MITER,
                  1f,
                  new float[] {6f, 4f},
                  0f));
    }
    plot.setRenderer(lr);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.GRAY);
    plot.setDomainGridlinePaint(Color.GRAY);
    xy.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(
        o.docs.resolve("bench-p99-vs-size-" + o.label + ".png").toFile(), xy, 1000, 560);
  }
}
