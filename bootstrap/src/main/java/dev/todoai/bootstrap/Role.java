package dev.todoai.bootstrap;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What one process of the single image does. Roles are property sets; adapters never see them. */
enum Role {
  ALL(Availability.IN_PROCESS_ONLY),
  BACKEND(Availability.ANY_TRANSPORT),
  AUDIT(Availability.DAPR_ONLY),
  NOTIFICATION(Availability.DAPR_ONLY),
  RECURRING(Availability.DAPR_ONLY);

  /** With which transports a role can run. */
  private enum Availability {
    ANY_TRANSPORT,
    IN_PROCESS_ONLY,
    DAPR_ONLY
  }

  private final Availability availability;

  Role(Availability availability) {
    this.availability = availability;
  }

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the role can run with this transport: the consumer roles live in processes of their own
   * and need Dapr between them; {@code all} is every role in one process and needs none.
   */
  boolean runsWith(Transport transport) {
    return switch (availability) {
      case ANY_TRANSPORT -> true;
      case IN_PROCESS_ONLY -> transport == Transport.INPROCESS;
      case DAPR_ONLY -> transport == Transport.DAPR;
    };
  }

  /** The one-line reason why the role cannot run with {@code transport}. */
  String refusal(Transport transport) {
    if (availability == Availability.DAPR_ONLY) {
      return "role '"
          + id()
          + "' needs TODO_TRANSPORT=dapr (it is not available with the in-process transport)";
    }
    return "role '"
        + id()
        + "' runs every role in one process and is not available with TODO_TRANSPORT="
        + transport.id()
        + "; run 'backend', 'audit', 'recurring' and 'notification' instead";
  }

  static Optional<Role> parse(String text) {
    return Arrays.stream(values()).filter(r -> r.id().equals(text)).findFirst();
  }

  static String names() {
    return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "));
  }
}
