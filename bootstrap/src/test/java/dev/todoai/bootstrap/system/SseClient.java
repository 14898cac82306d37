package dev.todoai.bootstrap.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads a Server-Sent Events stream on a background thread and collects its events. */
final class SseClient implements AutoCloseable {
  /** One received event. */
  record Event(String id, String name, String data) {}

  private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
  private final InputStream body;
  private final Thread reader;
  private final int status;

  SseClient(URI uri, String lastEventId) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    this.status = response.statusCode();
    this.body = response.body();
    this.reader = new Thread(this::read, "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  int status() {
    return status;
  }

  List<Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String id = null;
      String name = null;
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data.length() > 0 || name != null) {
            events.add(new Event(id, name, data.toString()));
          }
          id = null;
          name = null;
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    } catch (IOException e) {
      // the stream was closed
    }
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
