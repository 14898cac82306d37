package dev.todoai.adapter.in.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.contract.tools.TaskToolCatalog;
import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.port.out.TaskToolsPort;
import dev.todoai.domain.shared.UserId;
import io.micronaut.mcp.server.context.MicronautMcpTransportContext;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskMcpToolsTest {
  private final List<String> calls = new ArrayList<>();

  private TaskMcpTools mcp(ToolResult answer) {
    TaskToolsPort tools =
        user ->
            (tool, arguments) -> {
              calls.add(user + " " + tool + " " + arguments);
              return answer;
            };
    return new TaskMcpTools(tools);
  }

  private static McpTransportContext authenticatedAs(String name) {
    return new MicronautMcpTransportContext() {
      @Override
      public Object get(String key) {
        return null;
      }

      @Override
      public Locale locale() {
        return null;
      }

      @Override
      public String host() {
        return null;
      }

      @Override
      public Principal principal() {
        return name == null ? null : () -> name;
      }

      @Override
      public String lastEventId() {
        return null;
      }

      @Override
      public String sessionId() {
        return null;
      }

      @Override
      public String protocolVersion() {
        return null;
      }
    };
  }

  private static McpSchema.CallToolRequest request(String tool, Map<String, Object> args) {
    return new McpSchema.CallToolRequest(tool, args);
  }

  @Test
  void aCallRunsTheToolForThePrincipalAndAnswersWithJsonTextAndStructuredContent() {
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("id", 7L);
    task.put("due_at", null);
    task.put("tags", List.of());
    TaskMcpTools mcp = mcp(ToolResult.ok(task));

    McpSchema.CallToolResult result =
        mcp.call("get_task", authenticatedAs("ada"), request("get_task", Map.of("task_id", 7)));

    assertThat(calls).containsExactly("ada get_task {task_id=7}");
    assertThat(result.isError()).isFalse();
    assertThat(((McpSchema.TextContent) result.content().get(0)).text())
        .isEqualTo("{\"id\":7,\"due_at\":null,\"tags\":[]}");
    assertThat(result.structuredContent()).hasToString("{\"id\":7,\"due_at\":null,\"tags\":[]}");
  }

  @Test
  void aToolErrorIsAnErrorResultWithTheMessage() {
    TaskMcpTools mcp = mcp(ToolResult.error("title: is required"));

    McpSchema.CallToolResult result =
        mcp.call("add_task", authenticatedAs("ada"), request("add_task", Map.of()));

    assertThat(result.isError()).isTrue();
    assertThat(((McpSchema.TextContent) result.content().get(0)).text())
        .isEqualTo("title: is required");
  }

  @Test
  void aFailureOfTheToolIsAnErrorResultNotAProtocolError() {
    TaskMcpTools mcp =
        new TaskMcpTools(
            user ->
                (tool, args) -> {
                  throw new IllegalStateException("database down");
                });

    McpSchema.CallToolResult result =
        mcp.call("list_tasks", authenticatedAs("ada"), request("list_tasks", Map.of()));

    assertThat(result.isError()).isTrue();
    assertThat(((McpSchema.TextContent) result.content().get(0)).text())
        .isEqualTo(TaskMcpTools.INTERNAL_ERROR);
  }

  @Test
  void aCallWithoutAnAuthenticatedUserIsRefused() {
    TaskMcpTools mcp = mcp(ToolResult.ok(Map.of()));

    McpSchema.CallToolResult anonymous =
        mcp.call("list_tasks", authenticatedAs(null), request("list_tasks", Map.of()));
    McpSchema.CallToolResult plain =
        mcp.call("list_tasks", McpTransportContext.EMPTY, request("list_tasks", Map.of()));

    assertThat(anonymous.isError()).isTrue();
    assertThat(plain.isError()).isTrue();
    assertThat(calls).isEmpty();
  }

  @Test
  void theUserIsTheTokensSubject() {
    assertThat(TaskMcpTools.user(authenticatedAs("u-1"))).isEqualTo(new UserId("u-1"));
    assertThat(TaskMcpTools.user(authenticatedAs("not a user id"))).isNull();
  }

  @Test
  void everyToolHasAnObjectSchemaThatAcceptsUserId() {
    for (String name : TaskToolCatalog.NAMES) {
      McpSchema.Tool tool = TaskMcpTools.tool(TaskToolCatalog.get(name));

      assertThat(tool.name()).isEqualTo(name);
      assertThat(tool.description()).isNotBlank();
      assertThat(tool.inputSchema().type()).isEqualTo("object");
      assertThat(tool.inputSchema().properties()).containsKey("user_id");
      assertThat(tool.inputSchema().additionalProperties()).isFalse();
    }
    assertThat(TaskMcpTools.tool(TaskToolCatalog.get("add_task")).inputSchema().required())
        .containsExactly("title");
    assertThat(TaskMcpTools.tool(TaskToolCatalog.get("delete_reminder")).inputSchema().required())
        .containsExactly("task_id", "reminder_id");
  }

  @Test
  void jsonTextEscapesStringsAndKeepsNulls() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("text", "say \"hi\"\n\\ \u0001");
    value.put("none", null);
    value.put("list", List.of(1, 2.5, true));

    assertThat(JsonText.of(value))
        .isEqualTo(
            "{\"text\":\"say \\\"hi\\\"\\n\\\\ \\u0001\",\"none\":null,\"list\":[1,2.5,true]}");
  }
}
