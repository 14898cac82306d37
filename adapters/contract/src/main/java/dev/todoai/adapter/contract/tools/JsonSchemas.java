package dev.todoai.adapter.contract.tools;

import dev.todoai.adapter.contract.JsonInput;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schemas of the contract's input records, derived from the records themselves: a member per
 * component (its snake_case name), the JSON type from the Java type, and description, enum, format,
 * lengths and bounds from the component's {@link Schema} annotation — the same annotations the
 * OpenAPI document is generated from. A member is nullable when its {@code Schema.types} names
 * {@code "null"} (a partial change clears a field with null).
 */
final class JsonSchemas {
  private JsonSchemas() {}

  /**
   * The properties of {@code type}'s members, in declaration order.
   *
   * @param skip members to leave out
   */
  static Map<String, Object> properties(Class<? extends Record> type, String... skip) {
    List<String> skipped = Arrays.asList(skip);
    Map<String, Object> properties = new LinkedHashMap<>();
    for (RecordComponent component : JsonInput.components(type)) {
      String name = JsonInput.jsonName(component.getName());
      if (!skipped.contains(name)) {
        properties.put(name, member(component));
      }
    }
    return properties;
  }

  /** A closed object: only the given properties. */
  static Map<String, Object> object(
      String description, Map<String, Object> properties, List<String> required) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    if (description != null && !description.isEmpty()) {
      schema.put("description", description);
    }
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", List.copyOf(required));
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  /** The schema of one record as a closed object (every member optional). */
  static Map<String, Object> object(Class<? extends Record> type) {
    Schema doc = type.getAnnotation(Schema.class);
    return object(doc == null ? null : doc.description(), properties(type), List.of());
  }

  private static Map<String, Object> member(RecordComponent component) {
    // @Schema does not target record components: javac keeps it on the accessor
    Schema doc = component.getAccessor().getAnnotation(Schema.class);
    boolean nullable = doc != null && Arrays.asList(doc.types()).contains("null");
    Map<String, Object> schema = new LinkedHashMap<>();
    Class<?> javaType = component.getType();
    String jsonType;
    if (javaType == String.class) {
      jsonType = "string";
    } else if (javaType == Boolean.class || javaType == boolean.class) {
      jsonType = "boolean";
    } else if (javaType == Long.class
        || javaType == Integer.class
        || javaType == long.class
        || javaType == int.class) {
      jsonType = "integer";
    } else if (javaType == List.class) {
      jsonType = "array";
      schema.put("items", items(component));
    } else {
      throw new IllegalStateException("no JSON Schema for " + component);
    }
    schema.put("type", nullable ? List.of(jsonType, "null") : jsonType);
    if (doc != null) {
      annotate(schema, doc);
    }
    return schema;
  }

  private static Object items(RecordComponent component) {
    Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
    if (element == String.class) {
      return Map.of("type", "string");
    }
    if (element instanceof Class<?> record && record.isRecord()) {
      return object(record.asSubclass(Record.class));
    }
    throw new IllegalStateException("no JSON Schema for the items of " + component);
  }

  private static void annotate(Map<String, Object> schema, Schema doc) {
    Object items = schema.remove("items");
    if (!doc.description().isEmpty()) {
      schema.put("description", doc.description());
    }
    if (doc.allowableValues().length > 0) {
      schema.put("enum", List.of(doc.allowableValues()));
    }
    if (!doc.format().isEmpty()) {
      schema.put("format", doc.format());
    }
    if (doc.minLength() > 0) {
      schema.put("minLength", doc.minLength());
    }
    if (doc.maxLength() != Integer.MAX_VALUE) {
      schema.put("maxLength", doc.maxLength());
    }
    if (!doc.minimum().isEmpty()) {
      schema.put("minimum", Long.parseLong(doc.minimum()));
    }
    if (!doc.maximum().isEmpty()) {
      schema.put("maximum", Long.parseLong(doc.maximum()));
    }
    if (items != null) {
      schema.put("items", items);
    }
  }
}
