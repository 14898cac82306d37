package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile inputs of issue 14 that used to end in a 500: NUL in every kind of text, and a forged
 * page cursor with an extreme date. Each is a 400 problem naming the field.
 */
class ControlCharactersSystemTest {
  private static RunningApp app;
  private static Api api;
  private static User ada;

  @BeforeAll
  static void start() {
    app = RunningApp.start();
    api = app.api();
    ada = api.register("nul@example.org");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static void assertFieldError(Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().at("/errors/0/field").asText()).as(r.body()).isEqualTo(field);
  }

  @Test
  void nulAndOtherControlCharactersAreFieldErrorsEverywhere() {
    String tasks = "/api/" + ada.id() + "/tasks";
    Map<String, Response> cases = new LinkedHashMap<>();
    cases.put("title", api.post(tasks, ada.token(), "{\"title\":\"a\\u0000b\"}"));
    cases.put(
        "description",
        api.post(tasks, ada.token(), "{\"title\":\"ok\",\"description\":\"x\\u0000y\"}"));
    cases.put(
        "message",
        api.post("/api/" + ada.id() + "/chat", ada.token(), "{\"message\":\"hi\\u0000\"}"));
    cases.put("search", api.get(tasks + "?search=a%00b", ada.token()));
    cases.put(
        "email",
        api.post(
            "/api/auth/register",
            null,
            "{\"email\":\"nul\\u0000@example.org\",\"password\":\"correct horse battery\"}"));
    cases.put("tags", api.post(tasks, ada.token(), "{\"title\":\"ok\",\"tags\":[\"a\\u001bb\"]}"));
    cases.put(
        "text",
        api.post(
            "/api/" + ada.id() + "/quick-add/parse", ada.token(), "{\"text\":\"buy\\u0000milk\"}"));

    cases.forEach(
        (field, response) -> {
          assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
          assertThat(response.body()).as(field).contains(field).contains("control characters");
        });
  }

  @Test
  void tabsAndLineBreaksStayAllowedInADescription() {
    Response r =
        api.post(
            "/api/" + ada.id() + "/tasks",
            ada.token(),
            "{\"title\":\"ok\",\"description\":\"one\\n\\ttwo\"}");

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("description").asText()).isEqualTo("one\n\ttwo");
  }

  @Test
  void aForgedCursorWithAnExtremeDateIsA400() {
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("2|CREATED_AT|DESC|1|+999999999-12-31T23:59:59Z".getBytes());
    for (String cursor : new String[] {forged, forged + ".AAAAAAAAAAAAAAAAAAAAAA"}) {
      assertFieldError(
          api.get("/api/" + ada.id() + "/tasks?cursor=" + cursor, ada.token()), "cursor");
      assertFieldError(
          api.get("/api/" + ada.id() + "/audit?cursor=" + cursor, ada.token()), "cursor");
    }
  }
}
