package dev.todoai.adapter.in.rest;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A raw Server-Sent Events client for tests: reads the response line by line on a thread of its own
 * and collects the dispatched events and the comment lines.
 */
final class SseTestClient implements AutoCloseable {
  /** One dispatched event; null for a field the event did not have. */
  record SseEvent(String id, String name, String data) {}

  private final HttpResponse<Stream<String>> response;
  private final List<SseEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private String id;
  private String name;
  private StringBuilder data;

  private SseTestClient(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = new Thread(this::read, "sse-test-client");
    reader.setDaemon(true);
    reader.start();
  }

  /** Connects; returns once the response headers have arrived. */
  static SseTestClient open(URI uri, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).version(HttpClient.Version.HTTP_1_1).GET();
    request.header("Accept", "text/event-stream");
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return new SseTestClient(http.send(request.build(), BodyHandlers.ofLines()));
  }

  HttpResponse<Stream<String>> response() {
    return response;
  }

  List<SseEvent> events() {
    return List.copyOf(events);
  }

  /** The ids of the events received, in order. */
  List<String> ids() {
    return events.stream().map(SseEvent::id).toList();
  }

  List<String> comments() {
    return List.copyOf(comments);
  }

  /** Every line received, as it was on the wire. */
  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    response.body().close();
    try {
      reader.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void read() {
    try (Stream<String> lines = response.body()) {
      lines.forEach(this::line);
    } catch (UncheckedIOException | IllegalStateException closed) {
      // the test closed the stream
    }
  }

  private void line(String line) {
    lines.add(line);
    if (line.isEmpty()) {
      if (data != null) {
        events.add(new SseEvent(id, name, data.toString()));
      }
      id = null;
      name = null;
      data = null;
      return;
    }
    if (line.startsWith(":")) {
      comments.add(line.substring(1).strip());
      return;
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "id" -> id = value;
      case "event" -> name = value;
      case "data" ->
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      default -> {}
    }
  }
}
