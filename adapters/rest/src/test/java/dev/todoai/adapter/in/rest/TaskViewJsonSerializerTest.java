package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.todoai.adapter.contract.TaskView;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written writer produces the record's own JSON form, field for field and in order. */
@MicronautTest
@Property(name = "todo.auth.jwt-secret", value = TaskApiHttpTest.SECRET)
class TaskViewJsonSerializerTest {
  /** Jackson's own reading of the record's annotations: the reference. */
  private final ObjectMapper reference = new ObjectMapper();

  @Inject JsonMapper application;
  @Inject ObjectMapper applicationObjectMapper;

  private static final List<TaskView> VIEWS =
      List.of(
          new TaskView(
              7,
              "user-1",
              "Pay \"rent\" \u00e9\u4e2d\n",
              "",
              false,
              null,
              "none",
              List.of(),
              null,
              null,
              "UTC",
              null,
              "due",
              false,
              null,
              "2026-12-01T10:00:00Z",
              "2026-12-01T10:00:00Z",
              1,
              null),
          new TaskView(
              Long.MAX_VALUE,
              "user-2",
              "Water the plants",
              "balcony </script>",
              true,
              "2026-12-02T08:00:00.123456Z",
              "urgent",
              List.of("home", "garden"),
              "2026-12-02T07:00:00Z",
              null,
              "Europe/Berlin",
              "FREQ=WEEKLY;BYDAY=MO",
              "completion",
              true,
              "5b7f2c4e-7a7e-4f55-9a56-1c1f0f0e2a10",
              "2026-11-01T10:00:00Z",
              "2026-12-02T08:00:00.123456Z",
              12,
              "every Monday"),
          new TaskView(
              1,
              "u",
              "t",
              "d",
              false,
              null,
              "low",
              List.of("x"),
              null,
              "2026-12-24",
              "America/New_York",
              null,
              "due",
              false,
              null,
              "2026-12-01T10:00:00Z",
              "2026-12-01T10:00:00Z",
              0,
              null));

  @Test
  void writesWhatTheRecordsAnnotationsSay() throws Exception {
    ObjectMapper handWritten =
        new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(new TaskViewJsonSerializer()));
    for (TaskView view : VIEWS) {
      assertThat(handWritten.writeValueAsString(view))
          .isEqualTo(reference.writeValueAsString(view));
    }
    assertThat(handWritten.writeValueAsString(VIEWS))
        .isEqualTo(reference.writeValueAsString(VIEWS));
  }

  @Test
  void isTheOneTheApplicationUses() throws Exception {
    assertThat(
            applicationObjectMapper
                .getSerializerProviderInstance()
                .findValueSerializer(TaskView.class))
        .isInstanceOf(TaskViewJsonSerializer.class);
    for (TaskView view : VIEWS) {
      assertThat(new String(application.writeValueAsBytes(view), "UTF-8"))
          .isEqualTo(reference.writeValueAsString(view));
    }
  }
}
