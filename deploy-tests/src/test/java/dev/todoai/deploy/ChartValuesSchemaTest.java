package dev.todoai.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** values.schema.json: wrong values stop helm before anything is rendered, saying what is wrong. */
class ChartValuesSchemaTest {

  static Stream<Arguments> wrongValues() {
    return Stream.of(
        Arguments.of(
            "unknown role key", List.of("--set", "roles.frontend.enabled=true"), "frontend"),
        Arguments.of(
            "negative replicas",
            List.of("--set", "roles.backend.replicas=-1"),
            "/roles/backend/replicas"),
        Arguments.of(
            "non-boolean enabled",
            List.of("--set-string", "roles.audit.enabled=true"),
            "/roles/audit/enabled"),
        Arguments.of(
            "no database: postgresql disabled without externalDatabase",
            List.of("--set", "postgresql.enabled=false"),
            "/externalDatabase/existingSecret"),
        Arguments.of(
            "no Kafka: redpanda disabled without kafka.brokers",
            List.of("--set", "redpanda.enabled=false"),
            "/kafka/brokers"),
        Arguments.of(
            "JWT secret shorter than 32 bytes",
            List.of("--set", "auth.jwtSecret=too-short"),
            "/auth/jwtSecret"),
        Arguments.of("unknown top-level key", List.of("--set", "replicas=3"), "replicas"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongValues")
  void wrongValuesFailTemplateWithAMessageNamingTheProblem(
      String description, List<String> args, String mentioned) {
    Helm.Result result = Helm.template(args);

    assertThat(result.exitCode()).as(description + "\n" + result.describe()).isNotZero();
    assertThat(result.stderr())
        .as(description)
        .contains("values don't meet the specifications of the schema")
        .contains(mentioned);
  }

  @Test
  void externalDatabaseAndKafkaSatisfyTheSchema() {
    Helm.Result result =
        Helm.template(
            List.of(
                "--set", "postgresql.enabled=false",
                "--set", "externalDatabase.existingSecret=todo-db",
                "--set", "redpanda.enabled=false",
                "--set", "kafka.brokers=kafka:9092",
                "--set", "auth.jwtSecret=0123456789abcdef0123456789abcdef"));

    assertThat(result.ok()).as(result.describe()).isTrue();
    assertThat(result.stdout())
        .contains("name: todo-db")
        .doesNotContain("kind: StatefulSet")
        .contains(
            "jwt-secret: "
                + java.util.Base64.getEncoder()
                    .encodeToString("0123456789abcdef0123456789abcdef".getBytes()));
  }
}
