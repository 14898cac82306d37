package dev.todoai.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line and environment of one start: {@code --role}/{@code TODO_ROLE} pick the role
 * (default {@code all}), {@code TODO_TRANSPORT} the transport (default {@code inprocess}); every
 * other argument goes to Micronaut unchanged.
 */
record LaunchOptions(Role role, Transport transport, List<String> micronautArgs) {

  /** A start that cannot go ahead; the message is the single line printed before exiting. */
  static final class LaunchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LaunchException(String message) {
      super(message);
    }
  }

  static LaunchOptions parse(String[] args, Map<String, String> env) {
    String roleText = null;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--role")) {
        if (i + 1 >= args.length) {
          throw new LaunchException("--role needs a value (one of: " + Role.names() + ")");
        }
        roleText = args[++i];
      } else if (arg.startsWith("--role=")) {
        roleText = arg.substring("--role=".length());
      } else {
        rest.add(arg);
      }
    }
    if (roleText == null) {
      roleText = env.getOrDefault("TODO_ROLE", "all");
    }
    String text = roleText.trim();
    Role role =
        Role.parse(text)
            .orElseThrow(
                () ->
                    new LaunchException(
                        "unknown role '" + text + "' (expected one of: " + Role.names() + ")"));
    String transportText = env.getOrDefault("TODO_TRANSPORT", "").trim();
    Transport transport =
        transportText.isEmpty()
            ? Transport.INPROCESS
            : Transport.parse(transportText)
                .orElseThrow(
                    () ->
                        new LaunchException(
                            "unknown TODO_TRANSPORT '"
                                + transportText
                                + "' (expected one of: "
                                + Transport.names()
                                + ")"));
    if (!role.runsWith(transport)) {
      throw new LaunchException(role.refusal(transport));
    }
    return new LaunchOptions(role, transport, List.copyOf(rest));
  }
}
