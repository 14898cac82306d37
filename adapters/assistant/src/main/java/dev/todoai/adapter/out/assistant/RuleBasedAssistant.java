package dev.todoai.adapter.out.assistant;

import dev.todoai.application.port.out.AssistantPort;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The embedded, deterministic assistant: no model, no network. Each turn reads the message ({@link
 * Interpreter}: what it asks for), acts on it through the task tools ({@link Executor}: which
 * tasks, the change, the reply) and hands back what it remembers of the conversation ({@link
 * ConversationState}) to be stored with it.
 */
@Singleton
@Requires(property = "todo.assistant.provider", value = "rules", defaultValue = "rules")
final class RuleBasedAssistant implements AssistantPort {

  private final QuickAddParser quickAdd;

  RuleBasedAssistant(QuickAddParser quickAdd) {
    this.quickAdd = quickAdd;
  }

  @Override
  public AssistantReply respond(
      AssistantRequest request, dev.todoai.application.assistant.ToolInvoker invoker) {
    ConversationState state = ConversationState.parse(request.state());
    TaskTools tools = new TaskTools(invoker);
    Executor executor = new Executor(request.zone(), request.now(), quickAdd, tools, state);
    String text = executor.handle(request.message());
    return new AssistantReply(text, tools.calls(), state.toJson());
  }
}
