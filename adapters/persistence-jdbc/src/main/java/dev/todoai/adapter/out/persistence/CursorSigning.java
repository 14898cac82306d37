package dev.todoai.adapter.out.persistence;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes page cursors tamper-evident: a cursor is {@code base64url(payload).base64url(mac)}, the MAC
 * being the first 16 bytes of HMAC-SHA256 under a server key. A cursor that was edited, forged or
 * made with another key is refused before anything in it is parsed. The key is {@code
 * todo.pagination.cursor-key} (bootstrap derives it from the JWT secret, so all replicas share it);
 * without one, a random key of this process is used.
 */
@Context
final class CursorSigning {
  private static final int MAC_BYTES = 16;
  private static volatile byte[] key = random();

  CursorSigning(@Value("${todo.pagination.cursor-key:}") String configured) {
    if (configured != null && !configured.isBlank()) {
      byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
      if (bytes.length < 32) {
        throw new ConfigurationException("todo.pagination.cursor-key must be at least 32 bytes");
      }
      useKey(bytes);
    }
  }

  /** Sets the key of this process (tests; the bean sets it from configuration). */
  static void useKey(byte[] newKey) {
    key = newKey.clone();
  }

  static String sign(String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(bytes) + "." + b64.encodeToString(mac(bytes));
  }

  /** The payload of a cursor made by {@link #sign}, or empty for anything else. */
  static Optional<String> verify(String cursor) {
    if (cursor == null || cursor.length() > 1024) {
      return Optional.empty();
    }
    int dot = cursor.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
      byte[] mac = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
      if (!MessageDigest.isEqual(mac, mac(payload))) {
        return Optional.empty();
      }
      return Optional.of(new String(payload, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  private static byte[] mac(byte[] payload) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Arrays.copyOf(hmac.doFinal(payload), MAC_BYTES);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static byte[] random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
