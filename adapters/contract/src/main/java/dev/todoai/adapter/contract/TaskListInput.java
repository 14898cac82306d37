package dev.todoai.adapter.contract;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What to list: the query parameters of {@code GET /api/{user_id}/tasks} and the arguments of
 * list_tasks, typed (list items already split at commas).
 */
@Serdeable
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "TaskListInput")
public record TaskListInput(
    @Schema(
            description = "Which tasks by completion.",
            allowableValues = {"all", "pending", "completed"})
        String status,
    @Schema(description = "Only these priorities (none, low, medium, high, urgent).")
        List<String> priority,
    @Schema(description = "Only tasks with these tags.") List<String> tags,
    @Schema(
            description = "Whether a task needs all of the tags (default) or any.",
            allowableValues = {"all", "any"})
        String tagMode,
    @Schema(description = "Due on or after: a date YYYY-MM-DD or an ISO-8601 instant with offset.")
        String dueAfter,
    @Schema(description = "Due on or before: a date YYYY-MM-DD or an ISO-8601 instant with offset.")
        String dueBefore,
    @Schema(description = "true: only open tasks past their due; false: only the others.")
        Boolean overdue,
    @Schema(description = "true: only tasks with a due; false: only tasks without.") Boolean hasDue,
    @Schema(description = "Text to find in title or description.", maxLength = 200) String search,
    @Schema(
            description = "Sort key; created_at by default.",
            allowableValues = {"created_at", "updated_at", "due", "priority", "title"})
        String sortBy,
    @Schema(
            description = "asc or desc; the sort key's natural order by default.",
            allowableValues = {"asc", "desc"})
        String sortOrder,
    @Schema(description = "Page size, 1-200; 50 by default.", minimum = "1", maximum = "200")
        @WrongType("must be a whole number from 1 to 200")
        Integer limit,
    @Schema(description = "The next_cursor of the previous page.") String cursor) {}
