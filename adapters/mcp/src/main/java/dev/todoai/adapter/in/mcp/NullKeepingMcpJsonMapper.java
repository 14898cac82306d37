package dev.todoai.adapter.in.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * The MCP server's JSON mapper, keeping null and empty members when it converts a request's
 * parameters into a tool call: the default one converts through the application's serialization
 * settings, which leave out nulls and empty strings, so {@code update_task} could not clear a field
 * with null and an empty title arrived as a missing one. Reading and writing are unchanged.
 */
@Singleton
@Replaces(McpJsonMapper.class)
@Requires(property = "todo.mcp.enabled", notEquals = "false")
final class NullKeepingMcpJsonMapper implements McpJsonMapper {
  private static final ObjectMapper EVERY_MEMBER = JsonMapper.builder().build();

  private final io.micronaut.json.JsonMapper json;

  NullKeepingMcpJsonMapper(io.micronaut.json.JsonMapper json) {
    this.json = json;
  }

  @Override
  public <T> T readValue(String content, Class<T> type) throws IOException {
    return json.readValue(content, type);
  }

  @Override
  public <T> T readValue(byte[] content, Class<T> type) throws IOException {
    return json.readValue(content, type);
  }

  @Override
  public <T> T readValue(String content, TypeRef<T> type) throws IOException {
    return json.readValue(content, argument(type));
  }

  @Override
  public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
    return json.readValue(content, argument(type));
  }

  @Override
  public <T> T convertValue(Object from, Class<T> type) {
    try {
      return json.readValue(EVERY_MEMBER.writeValueAsBytes(from), type);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot convert to " + type.getName(), e);
    }
  }

  @Override
  public <T> T convertValue(Object from, TypeRef<T> type) {
    try {
      return json.readValue(EVERY_MEMBER.writeValueAsBytes(from), argument(type));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot convert to " + type.getType(), e);
    }
  }

  @Override
  public String writeValueAsString(Object value) throws IOException {
    return json.writeValueAsString(value);
  }

  @Override
  public byte[] writeValueAsBytes(Object value) throws IOException {
    return json.writeValueAsBytes(value);
  }

  @SuppressWarnings("unchecked")
  private static <T> Argument<T> argument(TypeRef<T> type) {
    return (Argument<T>) Argument.of(type.getType());
  }
}
