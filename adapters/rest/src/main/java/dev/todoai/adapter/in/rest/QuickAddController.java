package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.application.port.in.ParseQuickAddQuery;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
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
import java.util.Set;

/**
 * {@code POST /api/{user_id}/quick-add/parse {text, time_zone?}}: the {@code add_task} arguments
 * the quick-add box would send for {@code text} (the body of {@code POST .../tasks}); stores
 * nothing.
 */
@Controller("/api/{userId}/quick-add")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "todo.rest.enabled", notEquals = "false")
final class QuickAddController {
  static final String TEXT = "text";
  private static final Set<String> FIELDS = Set.of(TEXT, ChatController.TIME_ZONE);

  private final ParseQuickAddQuery parseQuickAdd;

  QuickAddController(ParseQuickAddQuery parseQuickAdd) {
    this.parseQuickAdd = parseQuickAdd;
  }

  @Post("/parse")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> parse(
      @PathVariable String userId, Authentication authentication, @Nullable @Body byte[] body) {
    TaskController.owner(userId, authentication);
    ObjectNode json = Json.parseObject(body);
    FieldErrors errors = new FieldErrors();
    Iterator<String> names = json.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        errors.add(name, "is not a known field; known are text, time_zone");
      }
    }
    String text = text(json.get(TEXT), errors);
    ZoneId zone = ChatController.zone(json.get(ChatController.TIME_ZONE), errors);
    errors.throwIfAny();
    JsonNode arguments = ChatJson.value(parseQuickAdd.parse(text, zone));
    return HttpResponse.ok(Json.write(arguments)).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static String text(JsonNode node, FieldErrors errors) {
    if (node == null || node.isNull()) {
      errors.add(TEXT, "is required");
      return null;
    }
    if (!node.isTextual()) {
      errors.add(TEXT, "must be a string");
      return null;
    }
    String text = node.textValue();
    if (text.isBlank()) {
      errors.add(TEXT, "must not be blank");
    } else if (text.codePointCount(0, text.length()) > ParseQuickAddQuery.MAX_TEXT_LENGTH) {
      errors.add(TEXT, "must be at most " + ParseQuickAddQuery.MAX_TEXT_LENGTH + " characters");
    }
    return text;
  }
}
