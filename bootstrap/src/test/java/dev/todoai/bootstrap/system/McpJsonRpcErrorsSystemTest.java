package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Malformed JSON-RPC on /mcp gets JSON-RPC errors, never an HTTP 500. */
class McpJsonRpcErrorsSystemTest {
  private static final Map<String, String> MCP_HEADERS =
      Map.of("Accept", "application/json, text/event-stream");

  private static RunningApp app;
  private static Api api;
  private static User ada;

  @BeforeAll
  static void start() {
    app = RunningApp.start(McpSystemTest.mcpProperties());
    api = app.api();
    ada = api.register("mcp-errors@example.org");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Response send(String body) {
    return api.send("POST", "/mcp", ada.token(), body, MCP_HEADERS);
  }

  @Test
  void everyMalformedMessageGetsItsJsonRpcError() {
    Map<String, Integer> cases = new LinkedHashMap<>();
    cases.put("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"no/such/method\"}", -32601);
    cases.put(
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":\"add_task\"}", -32602);
    cases.put("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":[1,2]}", -32602);
    cases.put("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"tools/list\"}", -32600);
    cases.put("{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"tools/list\"}", -32600);
    cases.put("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"tools/list\"}", -32600);
    cases.put("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"tools/list\"}", -32600);
    cases.put("{\"id\":4,\"method\":\"tools/list\"}", -32600);
    cases.put("{\"jsonrpc\":\"1.0\",\"id\":5,\"method\":\"tools/list\"}", -32600);
    cases.put("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":7}", -32600);
    cases.put("{\"jsonrpc\":\"2.0\",\"id\":7}", -32600);
    cases.put("[{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}]", -32600);
    cases.put("42", -32600);
    cases.put("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\"", -32700);
    cases.put("not json at all", -32700);
    cases.put(
        "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\",\"params\":{\"name\":\"rm_rf\"}}",
        -32602);
    cases.put(
        "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\","
            + "\"params\":{\"name\":\"add_task\",\"arguments\":\"title\"}}",
        -32602);
    cases.put(
        "{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"tools/call\","
            + "\"params\":{\"name\":\"add_task\",\"arguments\":{\"title\":\"a\\u0000b\"}}}",
        null);

    cases.forEach(
        (body, code) -> {
          Response r = send(body);

          assertThat(r.status()).as(body).isLessThan(500);
          if (code != null) {
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().at("/jsonrpc").asText()).as(body).isEqualTo("2.0");
            assertThat(r.json().at("/error/code").asInt()).as(body).isEqualTo(code);
            assertThat(r.json().at("/error/message").asText()).as(body).isNotBlank();
          }
        });
  }

  @Test
  void theIdOfAWellFormedRequestIsEchoedInItsError() {
    Response r = send("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"resources/nope\"}");

    assertThat(r.json().get("id").asText()).isEqualTo("abc");
    assertThat(r.json().at("/error/code").asInt()).isEqualTo(-32601);
  }

  @Test
  void anUnknownNotificationIsAcceptedAndIgnored() {
    Response r = send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/whatever\"}");

    assertThat(r.status()).isEqualTo(202);
  }

  @Test
  void aWellFormedToolsListStillWorks() {
    Response r = send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().at("/result/tools").size()).isGreaterThan(5);
  }
}
