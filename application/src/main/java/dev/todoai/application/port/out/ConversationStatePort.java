package dev.todoai.application.port.out;

import dev.todoai.domain.shared.UserId;
import java.util.Optional;

/**
 * The assistant's memory of one conversation (an opaque JSON text: the tasks "it" and "the first
 * one" refer to, a question awaiting its answer, what "undo" reverts), stored with the conversation
 * so that it survives a restart. Scoped to the owner like the conversation itself.
 */
public interface ConversationStatePort {
  /** At most this many characters are stored. */
  int MAX_LENGTH = 64 * 1024;

  /** The stored state; empty when there is none or the owner has no such conversation. */
  Optional<String> read(UserId owner, long conversationId);

  /** Replaces the state; false when the owner has no such conversation. */
  boolean write(UserId owner, long conversationId, String state);
}
