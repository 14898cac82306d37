package dev.todoai.application.chat;

import dev.todoai.application.assistant.ToolInvoker;
import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.port.out.TaskToolsPort;
import dev.todoai.domain.shared.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The task tools for tests: records each call and answers with a task of id 1, 2, ... */
final class RecordingTools implements TaskToolsPort {
  record Call(UserId user, String tool, Map<String, Object> arguments) {}

  final List<Call> calls = new ArrayList<>();

  @Override
  public ToolInvoker asUser(UserId user) {
    return (tool, arguments) -> {
      calls.add(new Call(user, tool, arguments));
      return ToolResult.ok(Map.of("id", calls.size(), "title", arguments.get("title")));
    };
  }
}
