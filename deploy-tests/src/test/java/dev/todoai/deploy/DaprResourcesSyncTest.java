package dev.todoai.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * dapr/components/ holds the chart's Dapr resources as plain files: exactly what the chart renders
 * for release "todo-ai" with default values and dapr.stateStore.enabled=true, without the labels
 * Helm adds. dapr/local/ holds the same for one machine, differing only where documented.
 */
class DaprResourcesSyncTest {
  private static final Path ROOT = Helm.repoRoot();

  @Test
  void componentFilesEqualTheChartsRenderedDaprResources() throws IOException {
    Helm.Result result = Helm.template(List.of("--set", "dapr.stateStore.enabled=true"));
    assertThat(result.ok()).as(result.describe()).isTrue();
    Map<String, JsonNode> rendered = new HashMap<>();
    for (JsonNode doc : Manifests.parse(result.stdout())) {
      if (Manifests.isDapr(doc)) {
        rendered.put(key(doc), Manifests.withoutRenderMetadata(doc));
      }
    }

    Map<String, JsonNode> files = new HashMap<>();
    for (Path file : yamlFiles(ROOT.resolve("dapr/components"))) {
      for (JsonNode doc : Manifests.parse(file)) {
        assertThat(Manifests.daprViolations(doc)).as(file.toString()).isEmpty();
        files.put(key(doc), doc);
      }
    }

    assertThat(files.keySet()).isEqualTo(rendered.keySet());
    files.forEach(
        (key, doc) ->
            assertThat(doc)
                .as(key + ": dapr/components differs from the chart's rendering")
                .isEqualTo(rendered.get(key)));
  }

  @Test
  void localComponentsDifferFromTheKubernetesOnesOnlyWhereDocumented() throws IOException {
    Map<String, JsonNode> kubernetes = byKey(ROOT.resolve("dapr/components"));
    Map<String, JsonNode> local = byKey(ROOT.resolve("dapr/local/components"));
    JsonNode localConfig = Manifests.parse(ROOT.resolve("dapr/local/config.yaml")).get(0);
    assertThat(Manifests.daprViolations(localConfig)).isEmpty();
    local.values().forEach(doc -> assertThat(Manifests.daprViolations(doc)).as(key(doc)).isEmpty());

    // pub/sub: the broker is on localhost
    ObjectNode pubsub = (ObjectNode) local.get("Component/pubsub").deepCopy();
    assertThat(ChartRenderTest.componentMetadata(pubsub))
        .containsEntry("brokers", "localhost:9092");
    ObjectNode k8sPubsub = (ObjectNode) kubernetes.get("Component/pubsub").deepCopy();
    assertThat(withoutBrokers(pubsub)).isEqualTo(withoutBrokers(k8sPubsub));
    // policies and tracing: identical
    assertThat(local.get("Resiliency/todo-ai-resiliency"))
        .isEqualTo(kubernetes.get("Resiliency/todo-ai-resiliency"));
    // ...except the access-control policy and secret scopes: they identify callers by mTLS, which a
    // plain local `dapr run` does not have (the e2e tests run Sentry to show them)
    ObjectNode k8sConfig =
        (ObjectNode) kubernetes.get("Configuration/todo-ai-dapr-config").deepCopy();
    ((ObjectNode) k8sConfig.get("spec")).remove(List.of("accessControl", "secrets"));
    assertThat(localConfig).isEqualTo(k8sConfig);
    // secrets from a local file
    JsonNode secretstore = local.get("Component/secretstore");
    assertThat(secretstore.path("spec").path("type").asText()).isEqualTo("secretstores.local.file");
    String secretsFile = ChartRenderTest.componentMetadata(secretstore).get("secretsFile");
    JsonNode secrets = new YAMLMapper().readTree(ROOT.resolve(secretsFile).toFile());
    assertThat(ChartRenderTest.fieldNames(secrets)).contains("jwt-secret", "database-url");
    assertThat(secrets.path("jwt-secret").asText().length()).isGreaterThanOrEqualTo(32);
    // the optional state store: same type and version
    JsonNode statestore = local.get("Component/statestore");
    assertThat(statestore.path("spec").path("type"))
        .isEqualTo(kubernetes.get("Component/statestore").path("spec").path("type"));
    assertThat(statestore.path("spec").path("version"))
        .isEqualTo(kubernetes.get("Component/statestore").path("spec").path("version"));
  }

  @Test
  void multiAppRunFileStartsTheFourRolesOfTheOneJar() throws IOException {
    Path runFile = ROOT.resolve("dapr/local/dapr.yaml");
    JsonNode run = new YAMLMapper().readTree(runFile.toFile());
    Path base = runFile.getParent();

    assertThat(run.path("version").asInt()).isEqualTo(1);
    JsonNode common = run.path("common");
    assertThat(common.path("env").path("TODO_TRANSPORT").asText()).isEqualTo("dapr");
    assertThat(base.resolve(common.path("resourcesPath").asText())).isDirectory();
    assertThat(base.resolve(common.path("configFilePath").asText())).isRegularFile();

    Map<String, String> roleByAppId = new HashMap<>();
    Set<Integer> ports = new HashSet<>();
    for (JsonNode app : run.path("apps")) {
      String appId = app.path("appID").asText();
      String role = app.path("env").path("TODO_ROLE").asText();
      roleByAppId.put(appId, role);
      assertThat(app.path("command").toString())
          .isEqualTo("[\"java\",\"-jar\",\"bootstrap/target/todo-ai.jar\"]");
      assertThat(base.resolve(app.path("appDirPath").asText()).normalize()).isEqualTo(ROOT);
      assertThat(app.path("env").path("TODO_PORT").asText())
          .isEqualTo(app.path("appPort").asText());
      assertThat(ports.add(app.path("appPort").asInt())).as("unique app port").isTrue();
      assertThat(ports.add(app.path("daprHTTPPort").asInt())).as("unique dapr port").isTrue();
      assertThat(ports.add(app.path("daprGRPCPort").asInt())).as("unique grpc port").isTrue();
    }
    Map<String, String> expected = new HashMap<>();
    Scenario.APP_IDS.forEach((role, appId) -> expected.put(appId, role));
    assertThat(roleByAppId).isEqualTo(expected);
  }

  private static ObjectNode withoutBrokers(ObjectNode component) {
    ObjectNode copy = component.deepCopy();
    List<JsonNode> kept = new ArrayList<>();
    copy.path("spec")
        .path("metadata")
        .forEach(
            m -> {
              if (!m.path("name").asText().equals("brokers")) {
                kept.add(m);
              }
            });
    ((ObjectNode) copy.get("spec")).putArray("metadata").addAll(kept);
    return copy;
  }

  private static Map<String, JsonNode> byKey(Path dir) throws IOException {
    Map<String, JsonNode> result = new HashMap<>();
    for (Path file : yamlFiles(dir)) {
      Manifests.parse(file).forEach(doc -> result.put(key(doc), doc));
    }
    return result;
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static String key(JsonNode doc) {
    return doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
  }
}
