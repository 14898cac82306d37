package dev.todoai.bootstrap;

import dev.todoai.adapter.out.dapr.DaprSecrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the start-up secrets come from ({@code TODO_SECRETS}): environment variables ({@code env},
 * the default) or the Dapr secret store ({@code dapr}, store {@code TODO_SECRET_STORE}, default
 * {@code secretstore}). From the store, {@code TODO_SECRET_DATABASE_URL} (default {@code
 * database-url}; a {@code postgres://user:pass@host/db} URL) and {@code TODO_SECRET_JWT} (default
 * {@code jwt-secret}) name the secrets, as {@code name} or {@code name:key}; an empty name skips
 * that secret. The values take the place of {@code DATABASE_URL} and {@code TODO_JWT_SECRET}.
 *
 * <p>The store wins: a secret read from it replaces {@code DATABASE_URL} and {@code TODO_DB_URL},
 * {@code TODO_DB_USER}, {@code TODO_DB_PASSWORD} (resp. {@code TODO_JWT_SECRET}) from the
 * environment, which are then ignored. The source of each setting is logged at start, with a
 * warning for every variable the store overrides.
 */
final class StartupSecrets {
  private static final Logger LOG = LoggerFactory.getLogger(StartupSecrets.class);

  private StartupSecrets() {}

  /** The environment with the secrets filled in from their source. */
  static Map<String, String> resolve(Map<String, String> env) {
    String source = env.getOrDefault("TODO_SECRETS", "env").trim();
    if (source.isEmpty() || source.equals("env")) {
      LOG.info("Start-up secrets (database, JWT secret) from the environment (TODO_SECRETS=env)");
      return env;
    }
    if (!source.equals("dapr")) {
      throw new LaunchOptions.LaunchException(
          "unknown TODO_SECRETS '" + source + "' (expected one of: env, dapr)");
    }
    String store = env.getOrDefault("TODO_SECRET_STORE", "secretstore");
    String database = env.getOrDefault("TODO_SECRET_DATABASE_URL", "database-url").trim();
    String jwt = env.getOrDefault("TODO_SECRET_JWT", "jwt-secret").trim();
    List<String> references = new ArrayList<>();
    if (!database.isEmpty()) {
      references.add(database);
    }
    if (!jwt.isEmpty()) {
      references.add(jwt);
    }
    Duration wait =
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("TODO_SECRETS_WAIT_SECONDS", "60")));
    Map<String, String> values;
    try {
      values = DaprSecrets.read(store, references, wait);
    } catch (IllegalStateException e) {
      throw new LaunchOptions.LaunchException(e.getMessage());
    }
    Map<String, String> resolved = new HashMap<>(env);
    List<String> overridden = new ArrayList<>();
    if (!database.isEmpty()) {
      for (String name :
          List.of("DATABASE_URL", "TODO_DB_URL", "TODO_DB_USER", "TODO_DB_PASSWORD")) {
        if (env.get(name) != null && !env.get(name).isBlank()) {
          overridden.add(name);
        }
      }
      resolved.remove("TODO_DB_URL");
      resolved.remove("TODO_DB_USER");
      resolved.remove("TODO_DB_PASSWORD");
      resolved.put("DATABASE_URL", values.get(database));
    }
    if (!jwt.isEmpty()) {
      if (env.get("TODO_JWT_SECRET") != null && !env.get("TODO_JWT_SECRET").isBlank()) {
        overridden.add("TODO_JWT_SECRET");
      }
      resolved.put("TODO_JWT_SECRET", values.get(jwt));
    }
    LOG.info(
        "Start-up secrets from the Dapr secret store '{}' (TODO_SECRETS=dapr): database URL {},"
            + " JWT secret {}",
        store,
        database.isEmpty()
            ? "from the environment (TODO_SECRET_DATABASE_URL is empty)"
            : "from '" + database + "'",
        jwt.isEmpty() ? "from the environment (TODO_SECRET_JWT is empty)" : "from '" + jwt + "'");
    if (!overridden.isEmpty()) {
      LOG.warn(
          "Ignoring {} from the environment: with TODO_SECRETS=dapr the secret store wins",
          String.join(", ", overridden));
    }
    return resolved;
  }
}
