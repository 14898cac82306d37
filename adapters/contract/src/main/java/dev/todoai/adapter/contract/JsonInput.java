package dev.todoai.adapter.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.domain.shared.PlainText;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strict JSON input: parses text (duplicate keys, trailing garbage and malformed text are errors)
 * and reads a JSON object into an input record, checking every member's JSON type against the
 * record component's Java type and rejecting unknown members — all errors at once. Member names are
 * the components' names in snake_case; names in the record's {@link JsonIgnoreProperties} are
 * accepted and ignored.
 */
public final class JsonInput {
  public static final String BODY = "body";
  private static final int MAX_MESSAGE = 200;

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .build();

  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

  /** How an unknown member is reported, given its name and the known names. */
  @FunctionalInterface
  public interface UnknownMember {
    String message(String name, Set<String> known);

    /** The REST wording. */
    UnknownMember FIELD = (name, known) -> "is not a known field";

    /** The wording that lists the known names (nested objects, tool arguments). */
    UnknownMember FIELD_LISTING_KNOWN =
        (name, known) -> "is not a known field; known are " + String.join(", ", known);
  }

  private JsonInput() {}

  /**
   * Parses optional text: null when there is none (or only white space).
   *
   * @throws InvalidInputException naming {@code body} when the text is not one JSON value
   */
  public static JsonNode parse(byte[] body) {
    if (body == null || isBlank(body)) {
      return null;
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      if (message != null && message.length() > MAX_MESSAGE) {
        message = message.substring(0, MAX_MESSAGE) + "...";
      }
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw InvalidInputException.of(BODY, "malformed JSON" + where + ": " + message);
    } catch (IOException e) {
      throw InvalidInputException.of(BODY, "malformed JSON: " + e.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      return null;
    }
    String where = controlCharacterAt(node, "");
    if (where != null) {
      throw InvalidInputException.of(
          where.isEmpty() ? BODY : where,
          "must not contain control characters (only tab and line breaks, in text that allows"
              + " them)");
    }
    return node;
  }

  /**
   * The path ({@code a.b[2]}) of the first string or member name holding a control character other
   * than tab, CR or LF (each field's own rules decide about those), or null. NUL cannot be stored,
   * and no field of the API has a use for the others.
   */
  private static String controlCharacterAt(JsonNode node, String path) {
    if (node.isTextual()) {
      String text = node.textValue().replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
      return PlainText.isPlain(text, false) ? null : path;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = controlCharacterAt(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!PlainText.isPlain(field.getKey(), false)) {
          return path.isEmpty() ? BODY : path;
        }
        String found =
            controlCharacterAt(
                field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** A JSON tree of JSON-like Java values (maps, lists, strings, numbers, booleans, null). */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** JSON-like Java values of a tree: maps keep member order, whole numbers are longs. */
  public static Object plain(JsonNode node) {
    return MAPPER.convertValue(node, Object.class);
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * Reads {@code object} into {@code type}; errors go to {@code errors}, each field name after
   * {@code prefix}. A member of the wrong type is read as null, so that the caller can still check
   * the others and report every error at once.
   */
  public static <R extends Record> R read(
      JsonNode object, Class<R> type, String prefix, UnknownMember unknown, FieldErrors errors) {
    Shape shape = shape(type);
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!shape.names.contains(name) && !shape.ignored.contains(name)) {
        errors.add(prefix + name, unknown.message(name, shape.names));
      }
    }
    Object[] values = new Object[shape.components.length];
    for (int i = 0; i < shape.components.length; i++) {
      RecordComponent component = shape.components[i];
      String name = shape.jsonNames.get(i);
      values[i] = value(object.get(name), component, prefix + name, errors);
    }
    try {
      return type.cast(shape.constructor.newInstance(values));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  /** The JSON member names of an input record, in declaration order. */
  public static List<String> names(Class<? extends Record> type) {
    return shape(type).jsonNames;
  }

  /** The record components of an input record, in declaration order. */
  public static List<RecordComponent> components(Class<? extends Record> type) {
    return Arrays.asList(shape(type).components);
  }

  /** A record component's JSON member name: its name in snake_case. */
  public static String jsonName(String componentName) {
    StringBuilder out = new StringBuilder();
    for (char c : componentName.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** SHA-256 (hex) of the canonical form: object keys sorted at every level, no white space. */
  public static String canonicalSha256(JsonNode node) {
    try {
      byte[] canonical = MAPPER.writeValueAsBytes(canonical(node));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("cannot fingerprint the request", e);
    }
  }

  private static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode sorted = object();
      for (String name : names) {
        sorted.set(name, canonical(node.get(name)));
      }
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode copy = MAPPER.createArrayNode();
      node.forEach(element -> copy.add(canonical(element)));
      return copy;
    }
    return node;
  }

  private static Object value(
      JsonNode node, RecordComponent component, String field, FieldErrors errors) {
    if (node == null || node.isNull()) {
      return null;
    }
    Class<?> type = component.getType();
    WrongType custom = component.getAnnotation(WrongType.class);
    if (type == JsonNode.class) {
      return node;
    }
    if (type == String.class) {
      return node.isTextual() ? node.textValue() : wrong(field, custom, "must be a string", errors);
    }
    if (type == Boolean.class) {
      return node.isBoolean()
          ? node.booleanValue()
          : wrong(field, custom, "must be true or false", errors);
    }
    if (type == Long.class || type == Integer.class) {
      boolean fits = type == Long.class ? node.canConvertToLong() : node.canConvertToInt();
      if (!node.isIntegralNumber() || !fits) {
        return wrong(field, custom, "must be a whole number", errors);
      }
      return type == Long.class ? (Object) node.longValue() : (Object) node.intValue();
    }
    if (type == List.class) {
      Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
      if (element == String.class) {
        return strings(node, field, custom, errors);
      }
      if (element instanceof Class<?> recordType && recordType.isRecord()) {
        return objects(node, recordType.asSubclass(Record.class), field, custom, errors);
      }
    }
    throw new IllegalStateException("unsupported input type " + component);
  }

  private static Object wrong(String field, WrongType custom, String fallback, FieldErrors errors) {
    errors.add(field, custom != null ? custom.value() : fallback);
    return null;
  }

  private static List<String> strings(
      JsonNode node, String field, WrongType custom, FieldErrors errors) {
    String message = custom != null ? custom.value() : "must be an array of strings";
    if (!node.isArray()) {
      errors.add(field, message);
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        errors.add(field, message);
        return null;
      }
      texts.add(element.textValue());
    }
    return texts;
  }

  private static <R extends Record> List<R> objects(
      JsonNode node, Class<R> type, String field, WrongType custom, FieldErrors errors) {
    if (!node.isArray()) {
      errors.add(field, custom != null ? custom.value() : "must be an array of objects");
      return null;
    }
    List<R> items = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String element = field + "[" + i + "]";
      JsonNode item = node.get(i);
      if (!item.isObject()) {
        errors.add(
            element,
            custom != null && !custom.element().isEmpty() ? custom.element() : "must be an object");
        items.add(null);
        continue;
      }
      items.add(read(item, type, element + ".", UnknownMember.FIELD_LISTING_KNOWN, errors));
    }
    return items;
  }

  private static Shape shape(Class<?> type) {
    return SHAPES.computeIfAbsent(type, Shape::of);
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private record Shape(
      RecordComponent[] components,
      List<String> jsonNames,
      Set<String> names,
      Set<String> ignored,
      Constructor<?> constructor) {
    static Shape of(Class<?> type) {
      if (!type.isRecord()) {
        throw new IllegalArgumentException(type + " is not a record");
      }
      RecordComponent[] components = type.getRecordComponents();
      List<String> jsonNames = new ArrayList<>();
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        jsonNames.add(jsonName(components[i].getName()));
        types[i] = components[i].getType();
      }
      JsonIgnoreProperties ignore = type.getAnnotation(JsonIgnoreProperties.class);
      Set<String> ignored =
          ignore == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(ignore.value()));
      try {
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        // input records may be package-private in the adapter that reads them
        constructor.setAccessible(true);
        return new Shape(
            components,
            List.copyOf(jsonNames),
            Collections.unmodifiableSet(new LinkedHashSet<>(jsonNames)),
            ignored,
            constructor);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("no canonical constructor in " + type, e);
      }
    }
  }
}
