package dev.todoai.bootstrap;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What one process of the single image does. Roles are property sets; adapters never see them. */
enum Role {
  ALL(true),
  BACKEND(true),
  AUDIT(false),
  NOTIFICATION(false),
  RECURRING(false);

  private final boolean available;

  Role(boolean available) {
    this.available = available;
  }

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether this build can run the role yet (the event-driven roles arrive with the event
   * backbone).
   */
  boolean available() {
    return available;
  }

  static Optional<Role> parse(String text) {
    return Arrays.stream(values()).filter(r -> r.id().equals(text)).findFirst();
  }

  static String names() {
    return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "));
  }
}
