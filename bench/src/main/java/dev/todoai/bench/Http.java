package dev.todoai.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client on one kept-alive connection: the load generator's side costs as little
 * CPU as a JDBC call, so that API and raw SQL are measured with the same client overhead. Not
 * thread-safe: one per load thread.
 */
final class Http implements AutoCloseable {
  record Response(int status, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final String host;
  private final int port;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  Http(String host, int port) {
    this.host = host;
    this.port = port;
  }

  Response get(String path, String token) throws IOException {
    return send("GET", path, token, null, null);
  }

  Response send(String method, String path, String token, String contentType, String body)
      throws IOException {
    return send(method, path, token, contentType, body, Map.of());
  }

  Response send(
      String method,
      String path,
      String token,
      String contentType,
      String body,
      Map<String, String> extra)
      throws IOException {
    byte[] payload = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append(':').append(port).append("\r\n");
    if (token != null) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    extra.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    if (payload != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
      head.append("Content-Length: ").append(payload.length).append("\r\n");
    } else if (!method.equals("GET") && !method.equals("DELETE")) {
      head.append("Content-Length: 0\r\n");
    }
    head.append("\r\n");
    for (int attempt = 1; ; attempt++) {
      boolean fresh = socket == null;
      try {
        connect();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (payload != null) {
          out.write(payload);
        }
        out.flush();
        return read();
      } catch (IOException e) {
        close();
        // A kept-alive connection the server closed meanwhile: retry once on a new one.
        if (fresh || attempt > 1) {
          throw e;
        }
      }
    }
  }

  /** Opens the connection and sends a request head, leaving the response to the caller. */
  InputStream openStream(String path, String token) throws IOException {
    connect();
    String head =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + ":"
            + port
            + "\r\nAccept: text/event-stream\r\n"
            + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
            + "\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    String status = line(in);
    if (!status.startsWith("HTTP/1.1 200")) {
      throw new IOException("stream: " + status);
    }
    while (!line(in).isEmpty()) {
      // headers
    }
    return in;
  }

  private void connect() throws IOException {
    if (socket != null) {
      return;
    }
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    socket.setSoTimeout(60_000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
  }

  private Response read() throws IOException {
    String status = line(in);
    if (status.isEmpty()) {
      throw new IOException("connection closed");
    }
    int code = Integer.parseInt(status.substring(9, 12));
    Map<String, String> headers = new HashMap<>();
    for (String l = line(in); !l.isEmpty(); l = line(in)) {
      int colon = l.indexOf(':');
      headers.put(
          l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
    }
    byte[] body;
    String length = headers.get("content-length");
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; ) {
        buffer.write(in.readNBytes(size));
        line(in);
        size = Integer.parseInt(line(in).trim(), 16);
      }
      line(in);
      body = buffer.toByteArray();
    } else {
      body = new byte[0];
    }
    if ("close".equalsIgnoreCase(headers.get("connection"))) {
      close();
    }
    return new Response(code, headers, body);
  }

  /** A line without its end, or null at the end of the stream. */
  static String lineOrNull(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder(64);
    int b = in.read();
    if (b == -1) {
      return null;
    }
    for (; b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        s.append((char) b);
      }
    }
    return s.toString();
  }

  static String line(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder(64);
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        s.append((char) b);
      }
    }
    return s.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    socket = null;
    out = null;
    in = null;
  }
}
