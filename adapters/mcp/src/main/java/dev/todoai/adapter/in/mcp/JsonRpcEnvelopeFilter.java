package dev.todoai.adapter.in.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the JSON-RPC 2.0 envelope of every {@code POST /mcp} before the MCP server sees it, and
 * answers what it cannot handle with a JSON-RPC error (HTTP 400, as the MCP server does for its own
 * protocol errors) instead of letting it fail inside the server as a 500:
 *
 * <ul>
 *   <li>-32700 parse error: not JSON;
 *   <li>-32600 invalid request: not one object (batches are not part of MCP's Streamable HTTP since
 *       2025-06-18), {@code jsonrpc} other than "2.0", {@code method} not a string, {@code id}
 *       neither a string nor an integer;
 *   <li>-32601 method not found: a request for a method this server does not serve (an unknown
 *       notification is accepted and ignored, as JSON-RPC says);
 *   <li>-32602 invalid params: {@code params} not an object, or a {@code tools/call} without a
 *       known tool {@code name} or with {@code arguments} that are not an object.
 * </ul>
 *
 * Each refusal is logged once at debug level: hostile input is not an operator's problem.
 */
@ServerFilter("/mcp")
@Requires(property = "todo.mcp.enabled", notEquals = "false")
final class JsonRpcEnvelopeFilter implements Ordered {
  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int METHOD_NOT_FOUND = -32601;
  static final int INVALID_PARAMS = -32602;
  static final Set<String> REQUEST_METHODS =
      Set.of("initialize", "ping", "tools/list", "tools/call");
  static final Set<String> NOTIFICATIONS =
      Set.of(
          "notifications/initialized",
          "notifications/cancelled",
          "notifications/progress",
          "notifications/roots/list_changed");
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcEnvelopeFilter.class);
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final Set<String> tools;

  JsonRpcEnvelopeFilter(List<SyncToolSpecification> tools) {
    this.tools = tools.stream().map(t -> t.tool().name()).collect(Collectors.toUnmodifiableSet());
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> check(HttpRequest<?> request, @Nullable @Body String body) {
    if (request.getMethod() != HttpMethod.POST) {
      return null;
    }
    JsonNode message;
    try {
      message = body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return error(null, PARSE_ERROR, "Parse error: the body is not JSON");
    }
    if (message == null || !message.isObject()) {
      return error(
          null,
          INVALID_REQUEST,
          "Invalid Request: send one JSON-RPC 2.0 object (batches are not supported)");
    }
    JsonNode id = message.get("id");
    boolean isRequest = message.has("id");
    if (isRequest && !(id.isTextual() || (id.isIntegralNumber() && id.canConvertToLong()))) {
      return error(null, INVALID_REQUEST, "Invalid Request: id must be a string or an integer");
    }
    if (!"2.0".equals(message.path("jsonrpc").textValue())) {
      return error(id, INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\"");
    }
    JsonNode method = message.get("method");
    if (method == null || !method.isTextual()) {
      return error(id, INVALID_REQUEST, "Invalid Request: method must be a string");
    }
    JsonNode params = message.get("params");
    if (params != null && !params.isNull() && !params.isObject()) {
      return error(id, INVALID_PARAMS, "Invalid params: params must be an object");
    }
    String name = method.textValue();
    if (!isRequest) {
      if (NOTIFICATIONS.contains(name)) {
        return null;
      }
      LOG.debug("MCP: ignoring the unknown notification {}", name);
      return HttpResponse.accepted();
    }
    if (!REQUEST_METHODS.contains(name)) {
      return error(id, METHOD_NOT_FOUND, "Method not found: " + printable(name));
    }
    if (name.equals("tools/call")) {
      JsonNode tool = params == null ? null : params.get("name");
      if (tool == null || !tool.isTextual() || !tools.contains(tool.textValue())) {
        return error(
            id,
            INVALID_PARAMS,
            "Invalid params: name must be one of " + tools.stream().sorted().toList());
      }
      JsonNode arguments = params.get("arguments");
      if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
        return error(id, INVALID_PARAMS, "Invalid params: arguments must be an object");
      }
    }
    return null;
  }

  private static HttpResponse<?> error(@Nullable JsonNode id, int code, String message) {
    LOG.debug("MCP: refused a JSON-RPC message ({} {})", code, message);
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("jsonrpc", "2.0");
    if (id == null) {
      response.putNull("id");
    } else {
      response.set("id", id);
    }
    ObjectNode error = response.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return HttpResponse.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(response.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A method name as safe to echo: at most 100 printable characters. */
  private static String printable(String text) {
    String cut = text.length() > 100 ? text.substring(0, 100) + "..." : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  @Override
  public int getOrder() {
    // after security: an anonymous request is a 401 whatever it carries
    return ServerFilterPhase.SECURITY.after();
  }
}
