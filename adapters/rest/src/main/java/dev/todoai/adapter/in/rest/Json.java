package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/** Reads request bodies as JSON trees (with client-readable errors) and writes response trees. */
final class Json {
  static final String BODY = "body";
  private static final int MAX_MESSAGE = 200;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

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
      throw RequestValidationException.of(BODY, "a JSON object is required");
    }
    if (!node.isObject()) {
      throw RequestValidationException.of(BODY, "must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /** Parses an optional body: null when there is none (or only white space). */
  static JsonNode parse(byte[] body) {
    if (body == null || isBlank(body)) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      return node == null || node.isMissingNode() ? null : node;
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
      throw RequestValidationException.of(BODY, "malformed JSON" + where + ": " + message);
    } catch (IOException e) {
      throw RequestValidationException.of(BODY, "malformed JSON: " + e.getMessage());
    }
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

  static byte[] write(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SHA-256 (hex) of the canonical form: object keys sorted at every level, no white space. */
  static String canonicalSha256(JsonNode node) {
    byte[] canonical = write(canonical(node));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  static JsonNode canonical(JsonNode node) {
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
      ArrayNode copy = array();
      node.forEach(element -> copy.add(canonical(element)));
      return copy;
    }
    return node;
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
