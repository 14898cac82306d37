package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.todoai.adapter.contract.TaskView;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Writes a {@link TaskView} straight to the generator: a page of 50 tasks is most of the bytes the
 * API sends, and the generic bean serializer (bean introspection, a property writer and an
 * inclusion check per field) cost several times this in the read benchmark.
 *
 * <p>The fields come from the record itself, read once: its components in declaration order, named
 * by its {@code @JsonNaming} strategy or a component's {@code @JsonProperty}, nulls written (the
 * record is {@code @JsonInclude(ALWAYS)}). A field added to the record needs nothing here;
 * TaskViewJsonSerializerTest holds the output to Jackson's own reading of the record.
 */
@Singleton
final class TaskViewJsonSerializer extends StdSerializer<TaskView> {
  private final SerializedString[] names;
  private final MethodHandle[] accessors;

  TaskViewJsonSerializer() {
    super(TaskView.class);
    JsonInclude include = TaskView.class.getAnnotation(JsonInclude.class);
    if (include == null || include.value() != JsonInclude.Include.ALWAYS) {
      throw new IllegalStateException("TaskView must write its nulls (@JsonInclude(ALWAYS))");
    }
    JsonNaming naming = TaskView.class.getAnnotation(JsonNaming.class);
    if (naming == null || naming.value() != PropertyNamingStrategies.SnakeCaseStrategy.class) {
      throw new IllegalStateException("TaskView must be named in snake_case (@JsonNaming)");
    }
    var snakeCase = new PropertyNamingStrategies.SnakeCaseStrategy();
    RecordComponent[] components = TaskView.class.getRecordComponents();
    names = new SerializedString[components.length];
    accessors = new MethodHandle[components.length];
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      JsonProperty property = component.getAnnotation(JsonProperty.class);
      String name =
          property != null && !property.value().isEmpty()
              ? property.value()
              : snakeCase.translate(component.getName());
      names[i] = new SerializedString(name);
      try {
        accessors[i] = lookup.unreflect(component.getAccessor());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public void serialize(TaskView task, JsonGenerator json, SerializerProvider provider)
      throws IOException {
    json.writeStartObject(task);
    for (int i = 0; i < names.length; i++) {
      json.writeFieldName(names[i]);
      write(value(i, task), json, provider);
    }
    json.writeEndObject();
  }

  private Object value(int i, TaskView task) {
    try {
      return accessors[i].invoke(task);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Object value, JsonGenerator json, SerializerProvider provider)
      throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof Long number) {
      json.writeNumber(number);
    } else if (value instanceof Boolean flag) {
      json.writeBoolean(flag);
    } else if (value instanceof List<?> list) {
      json.writeStartArray(list, list.size());
      for (Object item : list) {
        write(item, json, provider);
      }
      json.writeEndArray();
    } else {
      provider.defaultSerializeValue(value, json);
    }
  }
}
