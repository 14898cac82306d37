package dev.todoai.adapter.in.rest;

import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.InvalidInputException;
import dev.todoai.adapter.contract.JsonInput;
import dev.todoai.adapter.in.rest.ChatViews.ChatInput;
import dev.todoai.adapter.in.rest.ChatViews.ChatReplyView;
import dev.todoai.adapter.in.rest.ChatViews.ConversationSummaryView;
import dev.todoai.adapter.in.rest.ChatViews.ConversationView;
import dev.todoai.application.port.in.ChatUseCase;
import dev.todoai.application.port.in.ChatUseCase.ChatCommand;
import dev.todoai.application.port.in.GetConversationQuery;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskTimeZone;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chatting with the assistant ({@code POST /api/{user_id}/chat}) and reading the stored
 * conversations; see {@link ChatViews} for the shapes.
 */
@Controller("/api/{userId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = ApiDocsController.BEARER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "todo.rest.enabled", notEquals = "false")
@ProblemResponses.BadRequest
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
final class ChatController {
  static final String CONVERSATION_ID = "conversation_id";
  static final String MESSAGE = "message";
  static final String TIME_ZONE = "time_zone";
  private static final Set<String> LIST_PARAMETERS =
      Set.of("limit", TaskListParameters.ACCESS_TOKEN);
  private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
  private static final Pattern LIMIT = Pattern.compile("[0-9]{1,4}");

  private final ChatUseCase chat;
  private final GetConversationQuery conversations;

  ChatController(ChatUseCase chat, GetConversationQuery conversations) {
    this.chat = chat;
    this.conversations = conversations;
  }

  @Post("/chat")
  @Operation(
      summary = "Send a message to the assistant, which acts through the task tools.",
      description = "Starts a conversation, or continues the one conversation_id names.")
  @ProblemResponses.NotFound
  @ProblemResponses.UnsupportedMediaType
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  ChatReplyView chat(
      @PathVariable String userId,
      Authentication authentication,
      @RequestBody(content = @Content(schema = @Schema(implementation = ChatInput.class)))
          @Nullable
          @Body
          byte[] body) {
    UserId owner = TaskController.owner(userId, authentication);
    FieldErrors errors = new FieldErrors();
    ChatInput input =
        Json.read(body, ChatInput.class, JsonInput.UnknownMember.FIELD_LISTING_KNOWN, errors);
    Long conversationId = input.conversationId();
    if (conversationId != null && conversationId < 1) {
      errors.add(CONVERSATION_ID, "must be a positive whole number, or null for a new one");
    }
    message(input.message(), errors);
    ZoneId zone = zone(input.timeZone(), errors);
    errors.throwIfAny();
    return ChatReplyView.of(
        chat.chat(new ChatCommand(owner, conversationId, input.message(), zone)));
  }

  @Get("/conversations")
  @Operation(summary = "The user's conversations, most recently active first.")
  @Produces(MediaType.APPLICATION_JSON)
  List<ConversationSummaryView> list(
      @PathVariable String userId,
      Authentication authentication,
      HttpRequest<?> request,
      @Parameter(
              required = false,
              description = "At most this many, 1-100; 20 by default.",
              schema = @Schema(implementation = Integer.class, minimum = "1", maximum = "100"))
          @QueryValue(value = "limit", defaultValue = "")
          String limit) {
    UserId owner = TaskController.owner(userId, authentication);
    Map<String, List<String>> parameters = QueryParameters.of(request);
    FieldErrors errors = new FieldErrors();
    QueryParameters.check(parameters, LIST_PARAMETERS, errors);
    int pageSize = limit(TaskListParameters.single(parameters, "limit"), errors);
    errors.throwIfAny();
    return conversations.list(owner, pageSize).stream().map(ConversationSummaryView::of).toList();
  }

  @Get("/conversations/{id}")
  @Operation(summary = "One conversation with its messages, oldest first.")
  @ProblemResponses.NotFound
  @Produces(MediaType.APPLICATION_JSON)
  ConversationView get(
      @PathVariable String userId, @PathVariable String id, Authentication authentication) {
    UserId owner = TaskController.owner(userId, authentication);
    if (!ID.matcher(id).matches() || Long.parseLong(id) < 1) {
      throw InvalidInputException.of("id", "must be a positive number");
    }
    return ConversationView.of(conversations.get(owner, Long.parseLong(id)));
  }

  private static void message(String text, FieldErrors errors) {
    if (errors.has(MESSAGE)) {
      return;
    }
    if (text == null) {
      errors.add(MESSAGE, "is required");
    } else if (text.isBlank()) {
      errors.add(MESSAGE, "must not be blank");
    } else if (text.codePointCount(0, text.length()) > ChatUseCase.MAX_MESSAGE_LENGTH) {
      errors.add(MESSAGE, "must be at most " + ChatUseCase.MAX_MESSAGE_LENGTH + " characters");
    }
  }

  /** An IANA zone from an optional string member; null when absent or after an error. */
  static ZoneId zone(String text, FieldErrors errors) {
    if (text == null) {
      return null;
    }
    TaskTimeZone zone = errors.attempt(() -> TaskTimeZone.of(text));
    return zone == null ? null : zone.zone();
  }

  private static int limit(String text, FieldErrors errors) {
    if (text == null) {
      return GetConversationQuery.DEFAULT_LIMIT;
    }
    if (!LIMIT.matcher(text).matches()
        || Integer.parseInt(text) < 1
        || Integer.parseInt(text) > GetConversationQuery.MAX_LIMIT) {
      errors.add("limit", "must be a whole number from 1 to " + GetConversationQuery.MAX_LIMIT);
      return GetConversationQuery.DEFAULT_LIMIT;
    }
    return Integer.parseInt(text);
  }
}
