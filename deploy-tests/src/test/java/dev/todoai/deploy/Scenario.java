package dev.todoai.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The value sets the chart is rendered with, and what each must produce. */
enum Scenario {
  DEFAULTS(
      List.of(),
      Map.of("backend", 1, "notification", 1, "recurring", 1, "audit", 1),
      Set.of(),
      true),
  MINIKUBE(
      List.of("-f", "helm/todo-ai/values-minikube.yaml"),
      Map.of("backend", 1, "notification", 1, "recurring", 1, "audit", 1),
      Set.of(),
      true),
  PRODUCTION(
      List.of("-f", "helm/todo-ai/values-production.yaml"),
      Map.of("backend", 3, "notification", 2, "recurring", 2, "audit", 2),
      // created outside Helm, named in values-production.yaml
      Set.of("todo-ai-auth-prod", "todo-ai-dapr-app-token-prod", "todo-ai-database"),
      false),
  /** Apache Kafka in the cluster instead of Redpanda (what the in-CI cluster runs). */
  KAFKA_BROKER(
      List.of("--set", "redpanda.enabled=false", "--set", "kafkaBroker.enabled=true"),
      Map.of("backend", 1, "notification", 1, "recurring", 1, "audit", 1),
      Set.of(),
      true),
  BACKEND_ONLY(
      List.of(
          "--set", "roles.notification.enabled=false",
          "--set", "roles.recurring.enabled=false",
          "--set", "roles.audit.enabled=false"),
      Map.of("backend", 1),
      Set.of(),
      true);

  /** Dapr app id of each role. */
  static final Map<String, String> APP_IDS =
      Map.of(
          "backend", "todo-backend",
          "notification", "notification-service",
          "recurring", "recurring-service",
          "audit", "audit-service");

  private static final Map<Scenario, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

  final List<String> helmArgs;
  final Map<String, Integer> replicasByRole;
  final Set<String> existingSecrets;
  final boolean inClusterDependencies;

  Scenario(
      List<String> helmArgs,
      Map<String, Integer> replicasByRole,
      Set<String> existingSecrets,
      boolean inClusterDependencies) {
    this.helmArgs = helmArgs;
    this.replicasByRole = replicasByRole;
    this.existingSecrets = existingSecrets;
    this.inClusterDependencies = inClusterDependencies;
  }

  /** The StatefulSets of the in-cluster database and broker this scenario renders. */
  Set<String> inClusterStatefulSets() {
    if (!inClusterDependencies) {
      return Set.of();
    }
    return this == KAFKA_BROKER
        ? Set.of("todo-ai-kafka", "todo-ai-postgresql")
        : Set.of("todo-ai-redpanda", "todo-ai-postgresql");
  }

  /** The rendered documents (helm template runs once per scenario). */
  List<JsonNode> documents() {
    return RENDERED.computeIfAbsent(
        this,
        s -> {
          Helm.Result result = Helm.template(s.helmArgs);
          if (!result.ok()) {
            throw new AssertionError("helm template failed for " + s + ": " + result.describe());
          }
          return Manifests.parse(result.stdout());
        });
  }
}
