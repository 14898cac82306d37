package dev.todoai.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.adapter.contract.InvalidInputException;
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
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> parse("{\n  \"a\": tru }"));

    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().get(0).field()).isEqualTo("body");
    assertThat(e.errors().get(0).message()).startsWith("malformed JSON at line 2, column");
  }

  @Test
  void duplicateKeysAndTrailingContentAreMalformed() {
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> parse("{\"a\":1,\"a\":2}")))
        .isNotNull();
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> parse("{} {}"))).isNotNull();
  }

  @Test
  void emptyBodyIsNoBody() {
    assertThat(parse("  \n")).isNull();
    assertThat(Json.parse(null)).isNull();
  }

  private static JsonNode parse(String text) {
    return Json.parse(text.getBytes(StandardCharsets.UTF_8));
  }
}
