package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.InvalidInputException;
import dev.todoai.adapter.contract.JsonInput;
import java.io.UncheckedIOException;

/** Reads request bodies as strict JSON trees and writes response trees. */
final class Json {
  static final String BODY = JsonInput.BODY;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Parses a body that must be present and a JSON object. */
  static ObjectNode parseObject(byte[] body) {
    JsonNode node = parse(body);
    if (node == null) {
      throw InvalidInputException.of(BODY, "a JSON object is required");
    }
    if (!node.isObject()) {
      throw InvalidInputException.of(BODY, "must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /**
   * Reads a body that must be a JSON object into an input record, every unknown member and wrong
   * JSON type at once.
   *
   * @throws InvalidInputException naming every bad member
   */
  static <R extends Record> R read(
      byte[] body, Class<R> type, JsonInput.UnknownMember unknown, FieldErrors errors) {
    ObjectNode object = parseObject(body);
    return JsonInput.read(object, type, "", unknown, errors);
  }

  /** Parses an optional body: null when there is none (or only white space). */
  static JsonNode parse(byte[] body) {
    return JsonInput.parse(body);
  }

  /**
   * Parses JSON text that this service stored itself (an audit snapshot): a failure is a server
   * error, not the client's.
   */
  static JsonNode readStored(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is malformed: " + e.getOriginalMessage(), e);
    }
  }

  /** A response record (or tree) as JSON; null members are written unless the record says not. */
  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A response record as a JSON tree. */
  static ObjectNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** SHA-256 (hex) of the canonical form: object keys sorted at every level, no white space. */
  static String canonicalSha256(JsonNode node) {
    return JsonInput.canonicalSha256(node);
  }
}
