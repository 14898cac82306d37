package dev.todoai.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A generated secret kept in one file of the data directory, readable by its owner only (mode
 * 0600): created on first use with 48 random bytes (64 URL-safe Base64 characters), written
 * atomically, and read back on later starts.
 */
final class SecretFile {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretFile() {}

  /** The stored secret, when the file exists and holds at least {@code minBytes} bytes. */
  static Optional<String> read(Path file, int minBytes) {
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
      return stored.getBytes(StandardCharsets.UTF_8).length >= minBytes
          ? Optional.of(stored)
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  /** The stored secret, or a new one written to {@code file} first. */
  static String readOrCreate(Path file, int minBytes) {
    return read(file, minBytes).orElseGet(() -> create(file));
  }

  /** Writes a new random secret to {@code file} (replacing it) and returns it. */
  static String create(Path file) {
    byte[] random = new byte[48];
    RANDOM.nextBytes(random);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path directory = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(directory);
      Path tmp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: keep the default permissions
      }
      Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the secret " + file, e);
    }
  }
}
