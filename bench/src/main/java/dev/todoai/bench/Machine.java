package dev.todoai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the run ran on. */
final class Machine {
  private Machine() {}

  /** The load averages (1, 5, 15 min), as {@code uptime} prints them. */
  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  static String cpu() {
    try {
      String model =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .findFirst()
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .orElse("?");
      return Runtime.getRuntime().availableProcessors() + " cores, " + model;
    } catch (IOException e) {
      return Runtime.getRuntime().availableProcessors() + " cores";
    }
  }

  static String memory() {
    try {
      String line =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(l -> l.startsWith("MemTotal"))
              .findFirst()
              .orElse("");
      long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
      return String.format("%.0f GiB", kb / 1024.0 / 1024.0);
    } catch (IOException | NumberFormatException e) {
      return "?";
    }
  }
}
