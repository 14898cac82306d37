package dev.todoai.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.bootstrap.system.Api.Response;
import dev.todoai.bootstrap.system.Api.User;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST contract over real HTTP, against the whole application and a real PostgreSQL. */
class TaskApiSystemTest {
  private static RunningApp app;
  private static Api api;
  private static final AtomicInteger USERS = new AtomicInteger();

  @BeforeAll
  static void start() {
    app = RunningApp.start();
    api = app.api();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static User newUser() {
    return api.register("user" + USERS.incrementAndGet() + "@example.org");
  }

  private static String tasks(User u) {
    return "/api/" + u.id() + "/tasks";
  }

  @Test
  void registerThenLogInReturnsTokensForTheSameUser() {
    User ada = newUser();

    Response login =
        api.post(
            "/api/auth/login",
            null,
            "{\"email\":\""
                + ada.email().toUpperCase()
                + "\",\"password\":\"correct horse battery\"}");

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().get("user_id").asText()).isEqualTo(ada.id());
    assertThat(login.json().get("expires_at").asText()).endsWith("Z");
    String payload =
        new String(
            Base64.getUrlDecoder().decode(ada.token().split("\\.")[1]), StandardCharsets.UTF_8);
    assertThat(payload).contains("\"sub\":\"" + ada.id() + "\"");
  }

  @Test
  void aTakenEmailIs409AndABadLogInIs401() {
    User ada = newUser();

    Response again =
        api.post(
            "/api/auth/register",
            null,
            "{\"email\":\"" + ada.email() + "\",\"password\":\"another quiet orchard\"}");
    Response wrong =
        api.post(
            "/api/auth/login",
            null,
            "{\"email\":\"" + ada.email() + "\",\"password\":\"wrong password\"}");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("status").asInt()).isEqualTo(401);
  }

  @Test
  void loginFailuresThrottleTheFailingClientForThatAccount() {
    User ada = newUser();
    String wrong = "{\"email\":\"" + ada.email() + "\",\"password\":\"wrong password\"}";
    for (int i = 0; i < 5; i++) {
      assertThat(api.post("/api/auth/login", null, wrong).status()).isEqualTo(401);
    }

    Response blocked =
        api.post(
            "/api/auth/login",
            null,
            "{\"email\":\"" + ada.email() + "\",\"password\":\"correct horse battery\"}");

    assertThat(blocked.status()).isEqualTo(429);
    assertThat(Integer.parseInt(blocked.header("Retry-After"))).isPositive();
  }

  @Test
  void createdTaskHasLocationETagAndTheFullRepresentation() {
    User ada = newUser();

    Response created =
        api.post(
            tasks(ada),
            ada.token(),
            "{\"title\":\"  Pay rent \",\"priority\":\"high\",\"tags\":[\"Home\",\"home\",\"finance\"],"
                + "\"due_at\":\"2026-12-01T09:00:00+01:00\",\"time_zone\":\"Europe/Berlin\"}");

    assertThat(created.status()).isEqualTo(201);
    JsonNode task = created.json();
    assertThat(created.header("Location")).isEqualTo(tasks(ada) + "/" + task.get("id").asLong());
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(task.get("title").asText()).isEqualTo("Pay rent");
    assertThat(task.get("user_id").asText()).isEqualTo(ada.id());
    assertThat(task.get("description").asText()).isEmpty();
    assertThat(task.get("completed").asBoolean()).isFalse();
    assertThat(task.get("completed_at").isNull()).isTrue();
    assertThat(task.get("priority").asText()).isEqualTo("high");
    assertThat(task.get("tags")).extracting(JsonNode::asText).containsExactly("finance", "home");
    assertThat(task.get("due_at").asText()).isEqualTo("2026-12-01T08:00:00Z");
    assertThat(task.get("due_date").isNull()).isTrue();
    assertThat(task.get("time_zone").asText()).isEqualTo("Europe/Berlin");
    assertThat(task.get("recurrence_rule").isNull()).isTrue();
    assertThat(task.get("recurrence_anchor").asText()).isEqualTo("due");
    assertThat(task.get("is_recurring").asBoolean()).isFalse();
    assertThat(task.get("version").asLong()).isEqualTo(1);
    assertThat(task.get("created_at").asText()).endsWith("Z");
    assertThat(api.get(created.header("Location"), ada.token()).json()).isEqualTo(task);
  }

  @Test
  void sameIdempotencyKeyAndBodyCreatesOnlyOnce() {
    User ada = newUser();
    Map<String, String> key = Map.of("Idempotency-Key", "create-1");
    String body = "{\"title\":\"Once\",\"tags\":[\"a\"]}";

    Response first = api.send("POST", tasks(ada), ada.token(), body, key);
    Response second =
        api.send(
            "POST", tasks(ada), ada.token(), "{ \"tags\": [\"a\"], \"title\": \"Once\" }", key);
    Response different = api.send("POST", tasks(ada), ada.token(), "{\"title\":\"Other\"}", key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(different.status()).isEqualTo(422);
    assertThat(api.get(tasks(ada), ada.token()).json()).hasSize(1);
  }

  @Test
  void concurrentRetriesWithOneIdempotencyKeyCreateOneTask() throws Exception {
    User ada = newUser();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Response>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(
            pool.submit(
                () ->
                    api.send(
                        "POST",
                        tasks(ada),
                        ada.token(),
                        "{\"title\":\"Race\"}",
                        Map.of("Idempotency-Key", "race"))));
      }
      Set<Long> ids = new HashSet<>();
      for (Future<Response> f : results) {
        Response r = f.get();
        assertThat(r.status()).isEqualTo(201);
        ids.add(r.json().get("id").asLong());
      }
      assertThat(ids).hasSize(1);
      assertThat(api.get(tasks(ada), ada.token()).json()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void putReplacesPatchMergesAndEveryChangeBumpsTheVersion() {
    User ada = newUser();
    long id =
        api.createTask(ada, Map.of("title", "Draft", "priority", "low", "tags", List.of("a")))
            .get("id")
            .asLong();
    String path = tasks(ada) + "/" + id;

    Response put =
        api.send("PUT", path, ada.token(), "{\"title\":\"Final\",\"description\":\"d\"}");
    Response patch =
        api.send(
            "PATCH",
            path,
            ada.token(),
            "{\"priority\":\"urgent\",\"due_date\":\"2026-12-24\"}",
            Map.of("Content-Type", "application/merge-patch+json"));
    Response clearDue =
        api.send("PATCH", path, ada.token(), "{\"due_date\":null,\"description\":null}");

    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().get("priority").asText()).isEqualTo("none");
    assertThat(put.json().get("tags")).isEmpty();
    assertThat(put.json().get("version").asLong()).isEqualTo(2);
    assertThat(patch.json().get("title").asText()).isEqualTo("Final");
    assertThat(patch.json().get("priority").asText()).isEqualTo("urgent");
    assertThat(patch.json().get("due_date").asText()).isEqualTo("2026-12-24");
    assertThat(patch.header("ETag")).isEqualTo("\"3\"");
    assertThat(clearDue.json().get("due_date").isNull()).isTrue();
    assertThat(clearDue.json().get("description").asText()).isEmpty();
    assertThat(clearDue.json().get("version").asLong()).isEqualTo(4);
  }

  @Test
  void patchSettingATimedDueReplacesAnAllDayDue() {
    User ada = newUser();
    long id =
        api.createTask(ada, Map.of("title", "Dentist", "due_date", "2026-12-01"))
            .get("id")
            .asLong();

    Response patched =
        api.send(
            "PATCH", tasks(ada) + "/" + id, ada.token(), "{\"due_at\":\"2026-12-04T15:00:00Z\"}");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().get("due_at").asText()).isEqualTo("2026-12-04T15:00:00Z");
    assertThat(patched.json().get("due_date").isNull()).isTrue();
  }

  @Test
  void aStaleIfMatchIs412AndChangesNothing() {
    User ada = newUser();
    long id = api.createTask(ada, "Keep").get("id").asLong();
    String path = tasks(ada) + "/" + id;
    api.send("PATCH", path + "/complete", ada.token(), null);

    Response stalePut =
        api.send("PUT", path, ada.token(), "{\"title\":\"Lost\"}", Map.of("If-Match", "\"1\""));
    Response stalePatch =
        api.send("PATCH", path, ada.token(), "{\"title\":\"Lost\"}", Map.of("If-Match", "\"1\""));
    Response staleDelete = api.send("DELETE", path, ada.token(), null, Map.of("If-Match", "\"1\""));
    Response freshPatch =
        api.send("PATCH", path, ada.token(), "{\"title\":\"Won\"}", Map.of("If-Match", "\"2\""));

    assertThat(stalePut.status()).isEqualTo(412);
    assertThat(stalePut.contentType()).startsWith("application/problem+json");
    assertThat(stalePatch.status()).isEqualTo(412);
    assertThat(staleDelete.status()).isEqualTo(412);
    assertThat(freshPatch.status()).isEqualTo(200);
    assertThat(freshPatch.json().get("title").asText()).isEqualTo("Won");
  }

  @Test
  void completeTogglesOrSetsAndRecordsWhen() {
    User ada = newUser();
    String path = tasks(ada) + "/" + api.createTask(ada, "Toggle").get("id").asLong() + "/complete";

    JsonNode done = api.send("PATCH", path, ada.token(), null).json();
    JsonNode stillDone = api.send("PATCH", path, ada.token(), "{\"completed\":true}").json();
    JsonNode open = api.send("PATCH", path, ada.token(), null).json();

    assertThat(done.get("completed").asBoolean()).isTrue();
    assertThat(done.get("completed_at").asText()).endsWith("Z");
    assertThat(stillDone.get("version")).isEqualTo(done.get("version"));
    assertThat(open.get("completed").asBoolean()).isFalse();
    assertThat(open.get("completed_at").isNull()).isTrue();
  }

  @Test
  void deleteIs204AndThen404() {
    User ada = newUser();
    String path = tasks(ada) + "/" + api.createTask(ada, "Gone").get("id").asLong();

    assertThat(api.send("DELETE", path, ada.token(), null).status()).isEqualTo(204);
    Response after = api.get(path, ada.token());
    assertThat(after.status()).isEqualTo(404);
    assertThat(after.contentType()).startsWith("application/problem+json");
  }

  @Test
  void usersAreIsolated() {
    User ada = newUser();
    User bob = newUser();
    long adasTask = api.createTask(ada, "Private").get("id").asLong();

    assertThat(api.get(tasks(ada), bob.token()).status()).isEqualTo(403);
    assertThat(api.get(tasks(bob) + "/" + adasTask, bob.token()).status()).isEqualTo(404);
    assertThat(api.send("DELETE", tasks(bob) + "/" + adasTask, bob.token(), null).status())
        .isEqualTo(404);
    assertThat(
            api.send("PUT", tasks(bob) + "/" + adasTask, bob.token(), "{\"title\":\"x\"}").status())
        .isEqualTo(404);
    assertThat(api.get(tasks(bob), bob.token()).json()).isEmpty();
    assertThat(api.get(tasks(ada) + "/" + adasTask, ada.token()).json().get("title").asText())
        .isEqualTo("Private");
  }

  @Test
  void badTokensAre401() {
    User ada = newUser();
    String[] parts = ada.token().split("\\.");
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String algNone = header + "." + parts[1] + ".";
    String tampered = parts[0] + "." + parts[1] + "x." + parts[2];

    for (String token : new String[] {null, "garbage", algNone, tampered, ada.token() + "x"}) {
      Response r = api.get(tasks(ada), token);
      assertThat(r.status()).as(String.valueOf(token)).isEqualTo(401);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.body()).doesNotContain("Exception").doesNotContain("at dev.");
    }
  }

  @Test
  void listFiltersSortsAndSearchesLiterally() {
    User ada = newUser();
    api.createTask(
        ada, Map.of("title", "100% done", "priority", "urgent", "tags", List.of("work")));
    api.createTask(
        ada, Map.of("title", "under_score", "priority", "high", "tags", List.of("work", "home")));
    api.createTask(
        ada, Map.of("title", "plain", "description", "has 100 in it", "due_date", "2020-01-01"));

    Response percent = api.get(tasks(ada) + "?search=100%25", ada.token());
    Response underscore = api.get(tasks(ada) + "?search=_", ada.token());
    Response anyTag =
        api.get(tasks(ada) + "?tags=home,work&tag_mode=any&sort_by=priority", ada.token());
    Response allTags = api.get(tasks(ada) + "?tags=home,work", ada.token());
    Response overdue = api.get(tasks(ada) + "?overdue=true", ada.token());
    Response byTitle = api.get(tasks(ada) + "?sort_by=title", ada.token());

    assertThat(percent.json())
        .extracting(t -> t.get("title").asText())
        .containsExactly("100% done");
    assertThat(underscore.json())
        .extracting(t -> t.get("title").asText())
        .containsExactly("under_score");
    assertThat(anyTag.json())
        .extracting(t -> t.get("priority").asText())
        .containsExactly("urgent", "high");
    assertThat(allTags.json())
        .extracting(t -> t.get("title").asText())
        .containsExactly("under_score");
    assertThat(overdue.json()).extracting(t -> t.get("title").asText()).containsExactly("plain");
    assertThat(byTitle.json())
        .extracting(t -> t.get("title").asText())
        .containsExactly("100% done", "plain", "under_score");
  }

  @Test
  void followingNextLinksYieldsEveryTaskOnceWhileOthersAreInserted() throws Exception {
    User ada = newUser();
    Set<Long> existing = new HashSet<>();
    for (int i = 0; i < 45; i++) {
      existing.add(api.createTask(ada, "t" + i).get("id").asLong());
    }
    AtomicBoolean inserting = new AtomicBoolean(true);
    Thread writer =
        new Thread(
            () -> {
              int n = 0;
              while (inserting.get() && n < 200) {
                api.createTask(ada, "new" + n++);
              }
            });
    writer.start();
    List<Long> seen = new ArrayList<>();
    String next = tasks(ada) + "?limit=7";
    Pattern link = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    try {
      while (next != null) {
        Response page = api.get(next, ada.token());
        assertThat(page.status()).isEqualTo(200);
        page.json().forEach(t -> seen.add(t.get("id").asLong()));
        String header = page.header("Link");
        next = null;
        if (header != null) {
          Matcher m = link.matcher(header);
          assertThat(m.find()).isTrue();
          next = m.group(1);
        }
      }
    } finally {
      inserting.set(false);
      writer.join();
    }

    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen).containsAll(existing);
  }

  @Test
  void unknownRoutesAndMethodsAreProblems() {
    User ada = newUser();

    Response unknown = api.get("/api/nothing/here", ada.token());
    Response method = api.send("POST", tasks(ada) + "/1", ada.token(), "{}");
    Response media =
        api.send("POST", tasks(ada), ada.token(), "title=x", Map.of("Content-Type", "text/plain"));

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(method.status()).isEqualTo(405);
    assertThat(media.status()).isEqualTo(415);
    assertThat(media.contentType()).startsWith("application/problem+json");
  }

  @Test
  void healthIsUpWithoutAToken() {
    Response health = api.get("/health", null);

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
  }
}
