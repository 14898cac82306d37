package dev.todoai.bootstrap;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Where the database is. {@code DATABASE_URL} (a {@code postgres://user:pass@host/db?...} URL, as
 * hosted PostgreSQL services hand out) or {@code TODO_DB_URL} (+ {@code TODO_DB_USER}, {@code
 * TODO_DB_PASSWORD}) select an external PostgreSQL; without them the embedded one is used.
 */
record DatabaseSettings(String jdbcUrl, String username, String password) {

  static Optional<DatabaseSettings> external(Map<String, String> env) {
    String todoUrl = blankToNull(env.get("TODO_DB_URL"));
    if (todoUrl != null) {
      return Optional.of(
          fromUrl(todoUrl, blankToNull(env.get("TODO_DB_USER")), env.get("TODO_DB_PASSWORD")));
    }
    String databaseUrl = blankToNull(env.get("DATABASE_URL"));
    if (databaseUrl != null) {
      return Optional.of(fromUrl(databaseUrl, null, null));
    }
    return Optional.empty();
  }

  /** Accepts {@code jdbc:postgresql://...} or {@code postgres(ql)://user:pass@host:port/db?...}. */
  static DatabaseSettings fromUrl(String url, String user, String password) {
    if (url.startsWith("jdbc:postgresql:")) {
      return new DatabaseSettings(url, user, password);
    }
    if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
      throw new LaunchOptions.LaunchException(
          "database URL must start with postgres://, postgresql:// or jdbc:postgresql://");
    }
    URI uri = URI.create(url);
    String userInfo = uri.getRawUserInfo();
    String u = user;
    String p = password;
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
      u = u != null ? u : decode(rawUser);
      if (colon >= 0 && p == null) {
        p = decode(userInfo.substring(colon + 1));
      }
    }
    if (uri.getHost() == null) {
      throw new LaunchOptions.LaunchException("database URL has no host");
    }
    String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String path =
        uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath();
    return new DatabaseSettings("jdbc:postgresql://" + uri.getHost() + port + path + query, u, p);
  }

  Map<String, Object> asProperties() {
    java.util.HashMap<String, Object> props = new java.util.HashMap<>();
    props.put("datasources.default.url", jdbcUrl);
    if (username != null) {
      props.put("datasources.default.username", username);
    }
    if (password != null) {
      props.put("datasources.default.password", password);
    }
    return props;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public String toString() {
    // no URL: it names the database's host and port
    return "DatabaseSettings[user=" + username + "]";
  }
}
