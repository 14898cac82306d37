package dev.todoai.application.chat;

import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.port.in.ExecuteToolUseCase;
import dev.todoai.domain.shared.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The task tools for tests: records each call and answers with a task of id 1, 2, ... */
final class RecordingTools implements ExecuteToolUseCase {
  record Call(UserId user, String tool, Map<String, Object> arguments) {}

  final List<Call> calls = new ArrayList<>();

  @Override
  public ToolResult execute(UserId user, String tool, Map<String, Object> arguments) {
    calls.add(new Call(user, tool, arguments));
    return ToolResult.ok(Map.of("id", calls.size(), "title", arguments.get("title")));
  }
}
