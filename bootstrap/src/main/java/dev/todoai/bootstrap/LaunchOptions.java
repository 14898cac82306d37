package dev.todoai.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line and environment of one start: {@code --role}/{@code TODO_ROLE} pick the role
 * (default {@code all}); every other argument goes to Micronaut unchanged.
 */
record LaunchOptions(Role role, List<String> micronautArgs) {

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
    if (!role.available()) {
      throw new LaunchException(
          "role '" + role.id() + "' is not available in this version yet; run 'all' or 'backend'");
    }
    return new LaunchOptions(role, List.copyOf(rest));
  }
}
