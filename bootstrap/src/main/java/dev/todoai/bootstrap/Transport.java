package dev.todoai.bootstrap;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the roles talk ({@code TODO_TRANSPORT}): in one process ({@code inprocess}, the default) or
 * through Dapr sidecars ({@code dapr}). Becomes the {@code todo.transport} property that the
 * transport adapters switch on.
 */
enum Transport {
  INPROCESS,
  DAPR;

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Transport> parse(String text) {
    return Arrays.stream(values()).filter(t -> t.id().equals(text)).findFirst();
  }

  static String names() {
    return Arrays.stream(values()).map(Transport::id).collect(Collectors.joining(", "));
  }
}
