package dev.todoai.application.chat;

import dev.todoai.application.assistant.ToolCallRecord;
import dev.todoai.application.assistant.ToolInvoker;
import dev.todoai.application.assistant.ToolResult;
import dev.todoai.application.port.out.AssistantPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An assistant for tests: "add X" calls add_task with title X through the tools; "fail after add X"
 * does the same and then throws; "remember X" hands back X as its state; anything else is echoed
 * without tool calls (and without a new state). Remembers every request.
 */
final class ScriptedAssistant implements AssistantPort {
  final List<AssistantRequest> requests = new ArrayList<>();

  @Override
  public AssistantReply respond(AssistantRequest request, ToolInvoker tools) {
    requests.add(request);
    String message = request.message();
    if (message.startsWith("add ") || message.startsWith("fail after add ")) {
      String title = message.substring(message.indexOf("add ") + 4);
      Map<String, Object> arguments = new LinkedHashMap<>();
      arguments.put("title", title);
      ToolResult result = tools.invoke("add_task", arguments);
      if (message.startsWith("fail")) {
        throw new IllegalStateException("the model went away");
      }
      return new AssistantReply(
          "Added “" + title + "”.", List.of(new ToolCallRecord("add_task", arguments, result)));
    }
    if (message.startsWith("remember ")) {
      return new AssistantReply("Noted.", List.of(), message.substring("remember ".length()));
    }
    return new AssistantReply("You said: " + message, List.of());
  }

  AssistantRequest last() {
    return requests.get(requests.size() - 1);
  }
}
