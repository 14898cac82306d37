package dev.todoai.adapter.contract.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.adapter.contract.JsonInput;
import dev.todoai.adapter.contract.TaskInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tool schemas come from the input records: their members, types and documentation. */
class TaskToolCatalogTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(String tool) {
    return (Map<String, Object>) TaskToolCatalog.get(tool).inputSchema().get("properties");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> property(String tool, String name) {
    return (Map<String, Object>) properties(tool).get(name);
  }

  @Test
  void addTaskTakesEveryEditableFieldOfATaskButCompletion() {
    List<String> fields =
        JsonInput.names(TaskInput.class).stream()
            .filter(name -> !name.equals(TaskInput.COMPLETED))
            .toList();

    assertThat(properties("add_task").keySet()).containsAll(fields).contains("user_id");
    assertThat(properties("add_task")).doesNotContainKey("completed");
    assertThat(TaskToolCatalog.get("add_task").inputSchema().get("required"))
        .isEqualTo(List.of("title"));
    assertThat(properties("update_task").keySet())
        .containsAll(JsonInput.names(TaskInput.class))
        .contains("task_id");
  }

  @Test
  void membersCarryTheDocumentationOfTheRecords() {
    Map<String, Object> priority = property("add_task", "priority");
    assertThat(priority.get("enum")).isEqualTo(List.of("none", "low", "medium", "high", "urgent"));
    assertThat(priority.get("type")).isEqualTo(List.of("string", "null"));
    assertThat((String) priority.get("description")).isNotBlank();
    assertThat(property("add_task", "title"))
        .containsEntry("type", "string")
        .containsEntry("minLength", 1)
        .containsEntry("maxLength", 200);
    assertThat(property("add_task", "due_at")).containsEntry("format", "date-time");
    assertThat(property("get_task", "task_id"))
        .containsEntry("type", "integer")
        .containsEntry("minimum", 1L);
    assertThat(property("list_tasks", "status").get("enum"))
        .isEqualTo(List.of("all", "pending", "completed"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void remindersAreClosedObjects() {
    Map<String, Object> item = (Map<String, Object>) property("add_task", "reminders").get("items");

    assertThat(item).containsEntry("type", "object").containsEntry("additionalProperties", false);
    assertThat(((Map<String, ?>) item.get("properties")).keySet())
        .containsExactly("remind_at", "before_due", "time_of_day");
  }

  @Test
  void theOpenAiToolsAreTheSameDefinitions() {
    List<Map<String, Object>> tools = TaskToolCatalog.openAiTools();

    assertThat(tools).hasSize(10);
    @SuppressWarnings("unchecked")
    Map<String, Object> function = (Map<String, Object>) tools.get(0).get("function");
    assertThat(function.get("name")).isEqualTo("add_task");
    assertThat(function.get("parameters")).isEqualTo(TaskToolCatalog.get("add_task").inputSchema());
  }
}
