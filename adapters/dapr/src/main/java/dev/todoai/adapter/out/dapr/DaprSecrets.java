package dev.todoai.adapter.out.dapr;

import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads start-up secrets (database credentials, the JWT secret) from a Dapr secret store before the
 * application context exists. A reference is {@code name} or {@code name:key}: the secret {@code
 * name} of the store, and the key within it ({@code name} itself when omitted — a local file store
 * — or the only key when the secret has just one).
 */
public final class DaprSecrets {

  private DaprSecrets() {}

  /**
   * Waits up to {@code wait} for the sidecar, then reads every reference.
   *
   * @return the value of each reference, keyed by the reference as given
   * @throws IllegalStateException when the sidecar is not reachable or a secret is missing
   */
  public static Map<String, String> read(String store, List<String> references, Duration wait) {
    Map<String, String> values = new LinkedHashMap<>();
    DaprClient dapr = new DaprClientBuilder().build();
    try {
      dapr.waitForSidecar((int) wait.toMillis()).block(wait.plusSeconds(5));
      for (String reference : references) {
        int colon = reference.indexOf(':');
        String name = colon < 0 ? reference : reference.substring(0, colon);
        String key = colon < 0 ? null : reference.substring(colon + 1);
        // the whole start-up wait, not a few seconds: a busy machine can be slow to answer the
        // first call
        Map<String, String> secret = dapr.getSecret(store, name).block(wait);
        String value = pick(secret, name, key);
        if (value == null) {
          throw new IllegalStateException(
              "secret '" + reference + "' not found in Dapr secret store '" + store + "'");
        }
        values.put(reference, value);
      }
    } catch (IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot read secrets from Dapr secret store '" + store + "': " + e.getMessage(), e);
    } finally {
      try {
        dapr.close();
      } catch (Exception e) {
        // the secrets are read; a failed close of the start-up client changes nothing
      }
    }
    return values;
  }

  static String pick(Map<String, String> secret, String name, String key) {
    if (secret == null || secret.isEmpty()) {
      return null;
    }
    if (key != null) {
      return secret.get(key);
    }
    if (secret.containsKey(name)) {
      return secret.get(name);
    }
    return secret.size() == 1 ? secret.values().iterator().next() : null;
  }
}
