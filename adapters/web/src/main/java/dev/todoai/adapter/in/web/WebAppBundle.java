package dev.todoai.adapter.in.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The built web app on the class path (under {@value #ROOT}, put there by the frontend module's
 * jar): its files by URL path, read once and kept in memory (the whole app is a few hundred KB).
 */
final class WebAppBundle {
  static final String ROOT = "META-INF/todo-ai-web/";
  static final String INDEX = "index.html";

  /** Paths the bundle can hold: no dot segments, no backslashes, no encoded tricks. */
  private static final Pattern SAFE_PATH =
      Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9_.-]*/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*");

  private static final int MAX_PATH = 200;

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("webmanifest", "application/manifest+json"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("txt", "text/plain; charset=utf-8"));

  /** One file of the app. */
  record WebFile(String path, byte[] content, String contentType, String etag) {}

  private final ClassLoader loader;
  private final Map<String, Optional<WebFile>> files = new ConcurrentHashMap<>();

  WebAppBundle(ClassLoader loader) {
    this.loader = loader;
  }

  /** Whether the app was built into this jar at all. */
  boolean present() {
    return file(INDEX).isPresent();
  }

  /**
   * The file at {@code path} (relative, without the leading slash), empty when the bundle has none
   * or the path is not one the bundle could hold.
   */
  Optional<WebFile> file(String path) {
    if (path.isEmpty() || path.length() > MAX_PATH || !SAFE_PATH.matcher(path).matches()) {
      return Optional.empty();
    }
    for (String segment : path.split("/")) {
      if (segment.startsWith(".")) {
        return Optional.empty();
      }
    }
    return files.computeIfAbsent(path, this::load);
  }

  private Optional<WebFile> load(String path) {
    try (InputStream in = loader.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] content = in.readAllBytes();
      return Optional.of(new WebFile(path, content, contentType(path), etag(content)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ROOT + path, e);
    }
  }

  static String contentType(String path) {
    int dot = path.lastIndexOf('.');
    String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }

  private static String etag(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(WebFile file) {
    return new String(file.content(), StandardCharsets.UTF_8);
  }
}
