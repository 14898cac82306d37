package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void requestHashIgnoresKeyOrderAndWhiteSpace() {
    String a =
        Json.canonicalSha256(parse("{\"b\":1,\"a\":{\"y\":[1,{\"q\":2,\"p\":1}],\"x\":null}}"));
    String b =
        Json.canonicalSha256(
            parse(" { \"a\" : {\"x\":null, \"y\":[1,{\"p\":1,\"q\":2}]}, \"b\":1 }"));

    assertThat(a).isEqualTo(b).hasSize(64);
  }

  @Test
  void requestHashDiffersForDifferentContent() {
    assertThat(Json.canonicalSha256(parse("{\"title\":\"a\"}")))
        .isNotEqualTo(Json.canonicalSha256(parse("{\"title\":\"b\"}")));
  }

  @Test
  void malformedJsonNamesTheBodyWithLineAndColumn() {
    RequestValidationException e =
        catchThrowableOfType(RequestValidationException.class, () -> parse("{\n  \"a\": tru }"));

    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().get(0).field()).isEqualTo("body");
    assertThat(e.errors().get(0).message()).startsWith("malformed JSON at line 2, column");
  }

  @Test
  void duplicateKeysAndTrailingContentAreMalformed() {
    assertThat(
            catchThrowableOfType(
                RequestValidationException.class, () -> parse("{\"a\":1,\"a\":2}")))
        .isNotNull();
    assertThat(catchThrowableOfType(RequestValidationException.class, () -> parse("{} {}")))
        .isNotNull();
  }

  @Test
  void emptyBodyIsNoBody() {
    assertThat(parse("  \n")).isNull();
    assertThat(Json.parse(null)).isNull();
  }

  @Test
  void mergePatchReplacesRemovesAndRecurses() {
    JsonNode result =
        MergePatch.apply(
            parse("{\"a\":\"b\",\"c\":{\"d\":\"e\",\"f\":\"g\"},\"keep\":1}"),
            parse("{\"a\":\"z\",\"c\":{\"f\":null},\"new\":[1]}"));

    assertThat(result).isEqualTo(parse("{\"a\":\"z\",\"c\":{\"d\":\"e\"},\"keep\":1,\"new\":[1]}"));
  }

  private static JsonNode parse(String text) {
    return Json.parse(text.getBytes(StandardCharsets.UTF_8));
  }
}
