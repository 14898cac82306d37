package dev.todoai.adapter.out.password;

import dev.todoai.application.port.out.PasswordHasherPort;
import dev.todoai.domain.user.Password;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt ({@code $2y$}, random 16-byte salt, cost 10-12) via BouncyCastle. bcrypt reads at most 72
 * bytes, so a longer password is first reduced to its SHA-256 (Base64) — all of it counts.
 */
@Singleton
final class BcryptPasswordHasher implements PasswordHasherPort {
  static final String COST_PROPERTY = "todo.auth.bcrypt-cost";
  static final int DEFAULT_COST = 10;
  private static final int MAX_BCRYPT_BYTES = 72;

  private final SecureRandom random = new SecureRandom();
  private final int cost;

  @Inject
  BcryptPasswordHasher(@Value("${" + COST_PROPERTY + ":" + DEFAULT_COST + "}") int cost) {
    if (cost < 10 || cost > 12) {
      throw new ConfigurationException(COST_PROPERTY + " must be from 10 to 12, not " + cost);
    }
    this.cost = cost;
  }

  BcryptPasswordHasher() {
    this(DEFAULT_COST);
  }

  @Override
  public String hash(Password password) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return OpenBSDBCrypt.generate("2y", bcryptInput(password.value()), salt, cost);
  }

  @Override
  public boolean matches(String candidate, String hash) {
    if (candidate == null || hash == null) {
      return false;
    }
    try {
      return OpenBSDBCrypt.checkPassword(hash, bcryptInput(candidate));
    } catch (RuntimeException malformedHash) {
      return false;
    }
  }

  private static char[] bcryptInput(String password) {
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MAX_BCRYPT_BYTES) {
      return password.toCharArray();
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return Base64.getEncoder().encodeToString(digest).toCharArray();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
