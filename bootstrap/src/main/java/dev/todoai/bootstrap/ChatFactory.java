package dev.todoai.bootstrap;

import dev.todoai.application.chat.ChatService;
import dev.todoai.application.chat.GetConversationService;
import dev.todoai.application.chat.ParseQuickAddService;
import dev.todoai.application.port.in.ChatUseCase;
import dev.todoai.application.port.in.GetConversationQuery;
import dev.todoai.application.port.in.ParseQuickAddQuery;
import dev.todoai.application.port.out.AssistantPort;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.ConversationStatePort;
import dev.todoai.application.port.out.ConversationStorePort;
import dev.todoai.application.port.out.QuickAddParserPort;
import dev.todoai.application.port.out.TaskToolsPort;
import dev.todoai.application.port.out.TransactionPort;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Chat with the assistant and quick-add parsing: use cases bound to their adapters. The assistant
 * (rule-based by default, {@code todo.assistant.provider}) acts only through the task tools.
 */
@Factory
class ChatFactory {

  @Singleton
  ChatUseCase chat(
      ClockPort clock,
      TransactionPort transactions,
      ConversationStorePort conversations,
      AssistantPort assistant,
      TaskToolsPort tools,
      ConversationStatePort states) {
    return new ChatService(clock, transactions, conversations, assistant, tools, states);
  }

  @Singleton
  GetConversationQuery getConversation(ConversationStorePort conversations) {
    return new GetConversationService(conversations);
  }

  @Singleton
  ParseQuickAddQuery parseQuickAdd(ClockPort clock, QuickAddParserPort parser) {
    return new ParseQuickAddService(clock, parser);
  }
}
