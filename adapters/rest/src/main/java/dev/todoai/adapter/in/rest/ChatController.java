package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.InvalidInputException;
import dev.todoai.application.port.in.ChatUseCase;
import dev.todoai.application.port.in.ChatUseCase.ChatCommand;
import dev.todoai.application.port.in.GetConversationQuery;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskTimeZone;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chatting with the assistant ({@code POST /api/{user_id}/chat}) and reading the stored
 * conversations; see {@link ChatJson} for the shapes.
 */
@Controller("/api/{userId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "todo.rest.enabled", notEquals = "false")
final class ChatController {
  static final String CONVERSATION_ID = "conversation_id";
  static final String MESSAGE = "message";
  static final String TIME_ZONE = "time_zone";
  private static final Set<String> FIELDS = Set.of(CONVERSATION_ID, MESSAGE, TIME_ZONE);
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
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> chat(
      @PathVariable String userId, Authentication authentication, @Nullable @Body byte[] body) {
    UserId owner = TaskController.owner(userId, authentication);
    ChatCommand command = command(owner, Json.parseObject(body));
    return json(ChatJson.of(chat.chat(command)));
  }

  @Get("/conversations")
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> list(
      @PathVariable String userId, Authentication authentication, HttpRequest<?> request) {
    UserId owner = TaskController.owner(userId, authentication);
    Map<String, List<String>> parameters = QueryParameters.of(request);
    FieldErrors errors = new FieldErrors();
    QueryParameters.check(parameters, LIST_PARAMETERS, errors);
    int limit = limit(TaskListParameters.single(parameters, "limit"), errors);
    errors.throwIfAny();
    return HttpResponse.ok(Json.write(ChatJson.summaries(conversations.list(owner, limit))))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Get("/conversations/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> get(
      @PathVariable String userId, @PathVariable String id, Authentication authentication) {
    UserId owner = TaskController.owner(userId, authentication);
    if (!ID.matcher(id).matches() || Long.parseLong(id) < 1) {
      throw InvalidInputException.of("id", "must be a positive number");
    }
    return json(ChatJson.of(conversations.get(owner, Long.parseLong(id))));
  }

  private static ChatCommand command(UserId owner, ObjectNode body) {
    FieldErrors errors = new FieldErrors();
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        errors.add(name, "is not a known field; known are conversation_id, message, time_zone");
      }
    }
    Long conversationId = conversationId(body.get(CONVERSATION_ID), errors);
    String message = message(body.get(MESSAGE), errors);
    ZoneId zone = zone(body.get(TIME_ZONE), errors);
    errors.throwIfAny();
    return new ChatCommand(owner, conversationId, message, zone);
  }

  private static Long conversationId(JsonNode node, FieldErrors errors) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 1) {
      errors.add(CONVERSATION_ID, "must be a positive whole number, or null for a new one");
      return null;
    }
    return node.longValue();
  }

  private static String message(JsonNode node, FieldErrors errors) {
    if (node == null || node.isNull()) {
      errors.add(MESSAGE, "is required");
      return null;
    }
    if (!node.isTextual()) {
      errors.add(MESSAGE, "must be a string");
      return null;
    }
    String text = node.textValue();
    if (text.isBlank()) {
      errors.add(MESSAGE, "must not be blank");
    } else if (text.codePointCount(0, text.length()) > ChatUseCase.MAX_MESSAGE_LENGTH) {
      errors.add(MESSAGE, "must be at most " + ChatUseCase.MAX_MESSAGE_LENGTH + " characters");
    }
    return text;
  }

  /** An IANA zone from an optional string field; null when absent or after an error. */
  static ZoneId zone(JsonNode node, FieldErrors errors) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      errors.add(TIME_ZONE, "must be a string or null");
      return null;
    }
    TaskTimeZone zone = errors.attempt(() -> TaskTimeZone.of(node.textValue()));
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

  private static HttpResponse<byte[]> json(JsonNode json) {
    return HttpResponse.ok(Json.write(json)).contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
