package dev.todoai.adapter.in.mcp;

import dev.todoai.adapter.contract.tools.TaskToolCatalog;
import dev.todoai.adapter.contract.tools.ToolDefinition;
import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.port.out.TaskToolsPort;
import dev.todoai.domain.shared.InvalidValueException;
import dev.todoai.domain.shared.UserId;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.mcp.server.context.MicronautMcpTransportContext;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task tools on the MCP endpoint: one tool specification per tool of the contract's {@link
 * TaskToolCatalog} (its name, description and generated input schema), each run for the
 * authenticated user (the Bearer token's subject) and answering with the result as JSON text plus
 * structured content, or as a tool error ({@code isError: true}) with the message — never as a
 * protocol error.
 */
@Factory
@Requires(property = "todo.mcp.enabled", notEquals = "false")
final class TaskMcpTools {
  private static final Logger LOG = LoggerFactory.getLogger(TaskMcpTools.class);
  static final String NOT_AUTHENTICATED = "not authenticated: send a Bearer token";
  static final String INTERNAL_ERROR = "internal error: the tool failed; try again later";

  private final TaskToolsPort tools;

  TaskMcpTools(TaskToolsPort tools) {
    this.tools = tools;
  }

  @Singleton
  @Named("add_task")
  SyncToolSpecification addTask() {
    return specification("add_task");
  }

  @Singleton
  @Named("list_tasks")
  SyncToolSpecification listTasks() {
    return specification("list_tasks");
  }

  @Singleton
  @Named("get_task")
  SyncToolSpecification getTask() {
    return specification("get_task");
  }

  @Singleton
  @Named("update_task")
  SyncToolSpecification updateTask() {
    return specification("update_task");
  }

  @Singleton
  @Named("complete_task")
  SyncToolSpecification completeTask() {
    return specification("complete_task");
  }

  @Singleton
  @Named("delete_task")
  SyncToolSpecification deleteTask() {
    return specification("delete_task");
  }

  @Singleton
  @Named("search_tasks")
  SyncToolSpecification searchTasks() {
    return specification("search_tasks");
  }

  @Singleton
  @Named("set_reminder")
  SyncToolSpecification setReminder() {
    return specification("set_reminder");
  }

  @Singleton
  @Named("list_reminders")
  SyncToolSpecification listReminders() {
    return specification("list_reminders");
  }

  @Singleton
  @Named("delete_reminder")
  SyncToolSpecification deleteReminder() {
    return specification("delete_reminder");
  }

  private SyncToolSpecification specification(String name) {
    return SyncToolSpecification.builder()
        .tool(tool(TaskToolCatalog.get(name)))
        .callHandler((context, request) -> call(name, context, request))
        .build();
  }

  /** Runs one tool call; every outcome, including a failure, is a tool result. */
  McpSchema.CallToolResult call(
      String name, McpTransportContext context, McpSchema.CallToolRequest request) {
    UserId user = user(context);
    if (user == null) {
      return error(NOT_AUTHENTICATED);
    }
    Map<String, Object> arguments = request == null ? null : request.arguments();
    ToolResult result;
    try {
      result = tools.asUser(user).invoke(name, arguments);
    } catch (RuntimeException e) {
      LOG.error("MCP tool {} failed for user {}", name, user, e);
      return error(INTERNAL_ERROR);
    }
    if (result.isError()) {
      return error(result.message());
    }
    McpSchema.CallToolResult.Builder builder =
        McpSchema.CallToolResult.builder()
            .addContent(new McpSchema.TextContent(JsonText.of(result.content())))
            .isError(false);
    if (result.content() instanceof Map<?, ?>) {
      builder.structuredContent(JsonText.tree(result.content()));
    }
    return builder.build();
  }

  /** The MCP form of a tool definition: the same schema, its hints as annotations. */
  @SuppressWarnings("unchecked")
  static McpSchema.Tool tool(ToolDefinition definition) {
    Map<String, Object> schema = definition.inputSchema();
    return McpSchema.Tool.builder()
        .name(definition.name())
        .title(definition.title())
        .description(definition.description())
        .inputSchema(
            new McpSchema.JsonSchema(
                "object",
                (Map<String, Object>) schema.get("properties"),
                (List<String>) schema.getOrDefault("required", List.of()),
                false,
                null,
                null))
        .annotations(
            new McpSchema.ToolAnnotations(
                definition.title(),
                definition.readOnly(),
                definition.destructive(),
                false,
                false,
                null))
        .build();
  }

  private static McpSchema.CallToolResult error(String message) {
    return McpSchema.CallToolResult.builder()
        .addContent(new McpSchema.TextContent(message))
        .isError(true)
        .build();
  }

  /** The authenticated user of the HTTP request that carried the call; null when there is none. */
  static UserId user(McpTransportContext context) {
    if (!(context instanceof MicronautMcpTransportContext micronaut)) {
      return null;
    }
    Principal p = micronaut.principal();
    if (p == null || p.getName() == null) {
      return null;
    }
    try {
      return new UserId(p.getName());
    } catch (InvalidValueException notAUserId) {
      return null;
    }
  }
}
