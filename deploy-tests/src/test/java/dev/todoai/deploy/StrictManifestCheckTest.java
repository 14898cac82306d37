package dev.todoai.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The checks the chart tests rely on really are strict. */
class StrictManifestCheckTest {
  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: d
      spec:
        replicas: 1
        selector:
          matchLabels: {app: d}
        template:
          metadata:
            labels: {app: d}
          spec:
            containers:
              - name: c
                image: i
                env:
                  - name: A
                    value: "1"
      """;

  @Test
  void aValidDeploymentParses() {
    assertThat(Manifests.toKubernetes(doc(DEPLOYMENT)).getMetadata().getName()).isEqualTo("d");
  }

  @Test
  void anUnknownFieldIsRejected() {
    String typo = DEPLOYMENT.replace("  replicas: 1", "  replicas: 1\n  replicaz: 2");

    assertThatThrownBy(() -> Manifests.toKubernetes(doc(typo)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("replicaz");
  }

  @Test
  void aNumberWhereTheApiWantsAStringIsRejected() {
    String unquoted = DEPLOYMENT.replace("value: \"1\"", "value: 1");

    assertThatThrownBy(() -> Manifests.toKubernetes(doc(unquoted)))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aStringWhereTheApiWantsANumberIsRejected() {
    String quoted = DEPLOYMENT.replace("replicas: 1", "replicas: \"1\"");

    assertThatThrownBy(() -> Manifests.toKubernetes(doc(quoted)))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aDaprComponentWithAnUnknownFieldIsRejected() {
    JsonNode component =
        doc(
            """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: pubsub
            spec:
              type: pubsub.kafka
              version: v1
              metdata: []
            """);

    assertThat(Manifests.daprViolations(component)).isNotEmpty();
  }

  private static JsonNode doc(String yaml) {
    return Manifests.parse(yaml).get(0);
  }
}
