package dev.todoai.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** helm lint and helm template over every example value set, and what the manifests promise. */
class ChartRenderTest {

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void chartLintsStrictly(Scenario scenario) {
    Helm.Result lint = Helm.lint(scenario.helmArgs);

    assertThat(lint.ok()).as(lint.describe()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void everyKubernetesDocumentMatchesTheApiModelStrictly(Scenario scenario) {
    List<JsonNode> kubernetes =
        scenario.documents().stream().filter(d -> !Manifests.isDapr(d)).toList();

    assertThat(kubernetes).isNotEmpty();
    for (JsonNode doc : kubernetes) {
      HasMetadata typed = Manifests.toKubernetes(doc);
      assertThat(typed.getMetadata().getName()).as(Manifests.describe(doc)).isNotBlank();
      assertThat(typed.getMetadata().getLabels())
          .as("labels of " + Manifests.describe(doc))
          .containsEntry("app.kubernetes.io/instance", Helm.RELEASE);
    }
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void everyDaprResourceMatchesItsSchema(Scenario scenario) {
    List<JsonNode> dapr = scenario.documents().stream().filter(Manifests::isDapr).toList();

    assertThat(dapr).extracting(d -> d.path("kind").asText()).contains("Component");
    for (JsonNode doc : dapr) {
      assertThat(Manifests.daprViolations(doc)).as(Manifests.describe(doc)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void onlyKnownKindsAreRendered(Scenario scenario) {
    for (JsonNode doc : scenario.documents()) {
      assertThat(
              Manifests.isDapr(doc)
                  || Manifests.KUBERNETES_KINDS.containsKey(Manifests.typeKey(doc)))
          .as("unexpected kind " + Manifests.describe(doc))
          .isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void oneDeploymentPerEnabledRoleWithItsAppIdRoleAndReplicas(Scenario scenario) {
    Rendered r = new Rendered(scenario);

    assertThat(r.deployments.keySet()).isEqualTo(scenario.replicasByRole.keySet());
    scenario.replicasByRole.forEach(
        (role, replicas) -> {
          Deployment d = r.deployments.get(role);
          Map<String, String> annotations =
              d.getSpec().getTemplate().getMetadata().getAnnotations();
          Map<String, EnvVar> env = env(appContainer(d));
          assertThat(d.getSpec().getReplicas()).as(role).isEqualTo(replicas);
          assertThat(annotations)
              .as(role)
              .containsEntry("dapr.io/enabled", "true")
              .containsEntry("dapr.io/app-id", Scenario.APP_IDS.get(role))
              .containsEntry("dapr.io/app-port", "8080")
              .containsKeys(
                  "dapr.io/config",
                  "dapr.io/app-token-secret",
                  "dapr.io/sidecar-cpu-request",
                  "dapr.io/sidecar-memory-request",
                  "dapr.io/sidecar-memory-limit");
          assertThat(env.get("TODO_ROLE").getValue()).as(role).isEqualTo(role);
          assertThat(env.get("TODO_TRANSPORT").getValue()).as(role).isEqualTo("dapr");
          assertThat(env.get("TODO_PORT").getValue()).as(role).isEqualTo("8080");
          assertThat(appContainer(d).getPorts())
              .anySatisfy(
                  p -> {
                    assertThat(p.getName()).isEqualTo("http");
                    assertThat(p.getContainerPort()).isEqualTo(8080);
                  });
        });
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void everyRoleHasHealthProbesOnTheManagementEndpoints(Scenario scenario) {
    for (Deployment d : new Rendered(scenario).deployments.values()) {
      Container c = appContainer(d);
      assertProbe(c.getLivenessProbe(), "/health/liveness", d);
      assertProbe(c.getReadinessProbe(), "/health/readiness", d);
      assertProbe(c.getStartupProbe(), "/health/liveness", d);
    }
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void everyPodRunsNonRootOnAReadOnlyRootFilesystem(Scenario scenario) {
    Rendered r = new Rendered(scenario);
    List<PodTemplateSpec> templates = new ArrayList<>();
    r.deployments.values().forEach(d -> templates.add(d.getSpec().getTemplate()));
    r.statefulSets.values().forEach(s -> templates.add(s.getSpec().getTemplate()));

    for (PodTemplateSpec template : templates) {
      PodSpec pod = template.getSpec();
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
      for (Container c : pod.getContainers()) {
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(c.getName()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop())
            .as(c.getName())
            .contains("ALL");
      }
    }
    for (Deployment d : r.deployments.values()) {
      Container c = appContainer(d);
      assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
      String tmpVolume =
          c.getVolumeMounts().stream()
              .filter(m -> m.getMountPath().equals("/tmp"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no /tmp mount in " + name(d)))
              .getName();
      Volume volume =
          d.getSpec().getTemplate().getSpec().getVolumes().stream()
              .filter(v -> v.getName().equals(tmpVolume))
              .findFirst()
              .orElseThrow();
      assertThat(volume.getEmptyDir()).as("/tmp is an emptyDir in " + name(d)).isNotNull();
    }
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void podDisruptionBudgetOnlyForRolesWithMoreThanOneReplica(Scenario scenario) {
    Rendered r = new Rendered(scenario);
    Set<String> multiReplicaRoles =
        scenario.replicasByRole.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());

    assertThat(r.pdbs).hasSize(multiReplicaRoles.size());
    for (String role : multiReplicaRoles) {
      Deployment d = r.deployments.get(role);
      PodDisruptionBudget pdb =
          r.pdbs.stream()
              .filter(
                  p ->
                      p.getSpec()
                          .getSelector()
                          .getMatchLabels()
                          .equals(d.getSpec().getSelector().getMatchLabels()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no PodDisruptionBudget for " + role));
      assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
          .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    }
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void everySecretAPodReadsIsRenderedOrDeclaredExisting(Scenario scenario) {
    Rendered r = new Rendered(scenario);
    for (Deployment d : r.deployments.values()) {
      PodTemplateSpec template = d.getSpec().getTemplate();
      String tokenSecret = template.getMetadata().getAnnotations().get("dapr.io/app-token-secret");
      assertSecretKey(r, scenario, tokenSecret, "token", name(d) + " dapr.io/app-token-secret");
      Map<String, EnvVar> env = env(appContainer(d));
      assertThat(env).containsKeys("TODO_JWT_SECRET", "DATABASE_URL", "APP_API_TOKEN");
      for (EnvVar var : env.values()) {
        if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
          SecretKeySelector ref = var.getValueFrom().getSecretKeyRef();
          assertSecretKey(r, scenario, ref.getName(), ref.getKey(), name(d) + " " + var.getName());
        }
      }
      assertThat(env.get("APP_API_TOKEN").getValueFrom().getSecretKeyRef().getName())
          .isEqualTo(tokenSecret);
      String account = template.getSpec().getServiceAccountName();
      assertThat(r.serviceAccounts).as("service account of " + name(d)).containsKey(account);
    }
    for (JsonNode component : r.components.values()) {
      for (JsonNode item : component.path("spec").path("metadata")) {
        JsonNode ref = item.path("secretKeyRef");
        if (!ref.isMissingNode()) {
          assertSecretKey(
              r,
              scenario,
              ref.path("name").asText(),
              ref.path("key").asText(),
              "component " + Manifests.describe(component));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void generatedJwtSecretIsLongEnough(Scenario scenario) {
    Rendered r = new Rendered(scenario);
    for (Secret secret : r.secrets.values()) {
      if (secret.getData() != null && secret.getData().containsKey("jwt-secret")) {
        byte[] value = java.util.Base64.getDecoder().decode(secret.getData().get("jwt-secret"));
        assertThat(value.length).isGreaterThanOrEqualTo(32);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void serviceAccountMayReadExactlyTheSecretsThePodsUse(Scenario scenario) {
    Rendered r = new Rendered(scenario);
    Role role = r.roles.values().stream().findFirst().orElseThrow();
    RoleBinding binding = r.roleBindings.values().stream().findFirst().orElseThrow();
    Set<String> used = new HashSet<>();
    for (Deployment d : r.deployments.values()) {
      used.add(
          d.getSpec().getTemplate().getMetadata().getAnnotations().get("dapr.io/app-token-secret"));
      env(appContainer(d)).values().stream()
          .filter(v -> v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null)
          .forEach(v -> used.add(v.getValueFrom().getSecretKeyRef().getName()));
    }

    assertThat(role.getRules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getResources()).containsExactly("secrets");
              assertThat(rule.getVerbs()).containsExactly("get");
              assertThat(rule.getResourceNames()).containsExactlyInAnyOrderElementsOf(used);
            });
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(s -> assertThat(r.serviceAccounts).containsKey(s.getName()));
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void backendServiceAndIngressReachTheBackendPods(Scenario scenario) {
    Rendered r = new Rendered(scenario);
    Deployment backend = r.deployments.get("backend");
    Service service =
        r.services.values().stream()
            .filter(s -> s.getMetadata().getName().endsWith("-backend"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no backend Service"));

    assertThat(backend.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));
    for (Ingress ingress : r.ingresses) {
      ingress.getSpec().getRules().stream()
          .flatMap(rule -> rule.getHttp().getPaths().stream())
          .forEach(
              path ->
                  assertThat(path.getBackend().getService().getName())
                      .isEqualTo(service.getMetadata().getName()));
    }
    assertThat(r.ingresses).hasSize(scenario == Scenario.PRODUCTION ? 1 : 0);
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void inClusterDependenciesFollowTheirSwitches(Scenario scenario) {
    Rendered r = new Rendered(scenario);
    Set<String> expected = scenario.inClusterStatefulSets();

    assertThat(r.statefulSets.keySet()).isEqualTo(expected);
    for (StatefulSet s : r.statefulSets.values()) {
      assertThat(r.services).containsKey(s.getSpec().getServiceName());
      assertThat(s.getSpec().getVolumeClaimTemplates()).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void pubsubIsKafkaWithRetriesFromTheOldestOffset(Scenario scenario) {
    Rendered r = new Rendered(scenario);
    JsonNode pubsub = r.components.get("pubsub");

    assertThat(pubsub).as("Component pubsub").isNotNull();
    assertThat(pubsub.path("spec").path("type").asText()).isEqualTo("pubsub.kafka");
    Map<String, String> metadata = componentMetadata(pubsub);
    assertThat(metadata)
        .containsEntry("consumeRetryEnabled", "true")
        .containsEntry("initialOffset", "oldest")
        .containsEntry("authType", "none");
    String brokers = metadata.get("brokers");
    assertThat(brokers).isNotBlank();
    if (scenario.inClusterDependencies) {
      assertThat(r.services).containsKey(brokers.substring(0, brokers.indexOf(':')));
    }
    assertThat(r.components.get("secretstore").path("spec").path("type").asText())
        .isEqualTo("secretstores.kubernetes");
    if (r.components.containsKey("statestore")) {
      assertThat(r.components.get("statestore").path("spec").path("type").asText())
          .isEqualTo("state.postgresql");
      assertThat(r.components.get("statestore").path("spec").path("version").asText())
          .isEqualTo("v2");
    }
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void podsUseTheRenderedConfigurationAndTheResiliencyCoversPubsubAndApps(Scenario scenario) {
    Rendered r = new Rendered(scenario);
    JsonNode configuration = single(r.dapr("Configuration"));
    JsonNode resiliency = single(r.dapr("Resiliency"));

    String configName = configuration.path("metadata").path("name").asText();
    r.deployments
        .values()
        .forEach(
            d ->
                assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("dapr.io/config", configName));
    assertThat(configuration.path("spec").path("tracing").path("samplingRate").asText())
        .isNotBlank();

    JsonNode policies = resiliency.path("spec").path("policies");
    JsonNode targets = resiliency.path("spec").path("targets");
    assertThat(fieldNames(targets.path("apps")))
        .containsAll(scenario.replicasByRole.keySet().stream().map(Scenario.APP_IDS::get).toList());
    assertThat(fieldNames(targets.path("components"))).contains("pubsub", "pubsub-broadcast");
    assertThat(policies.path("circuitBreakers").size()).isPositive();
    assertThat(policies.path("retries").path("pubsubRetry").path("policy").asText())
        .isEqualTo("exponential");
    assertThat(policies.path("retries").path("appRetry").path("policy").asText())
        .isEqualTo("exponential");
    // a 4xx from the app is final: retrying it would turn a refusal into the sidecar's 500
    assertThat(
            policies
                .path("retries")
                .path("appRetry")
                .path("matching")
                .path("httpStatusCodes")
                .asText())
        .isEqualTo("408,429,500-599");
    // deliveries to the app retry until they succeed; the dead-letter topic is for poison only
    assertThat(policies.path("retries").path("deliveryRetry").path("maxRetries").asInt())
        .isEqualTo(-1);
    assertThat(targets.path("components").path("pubsub").path("inbound").path("retry").asText())
        .isEqualTo("deliveryRetry");
    List<JsonNode> refs = new ArrayList<>();
    targets.path("apps").forEach(refs::add);
    targets.path("components").forEach(c -> c.forEach(refs::add));
    for (JsonNode ref : refs) {
      assertPolicy(policies, "timeouts", ref.path("timeout"));
      assertPolicy(policies, "retries", ref.path("retry"));
      assertPolicy(policies, "circuitBreakers", ref.path("circuitBreaker"));
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** The typed documents of one rendering, by kind and name. */
  static final class Rendered {
    final Map<String, Deployment> deployments;
    final Map<String, StatefulSet> statefulSets;
    final Map<String, Service> services;
    final Map<String, Secret> secrets;
    final Map<String, ServiceAccount> serviceAccounts;
    final Map<String, Role> roles;
    final Map<String, RoleBinding> roleBindings;
    final List<PodDisruptionBudget> pdbs;
    final List<Ingress> ingresses;
    final Map<String, JsonNode> components;
    private final List<JsonNode> docs;

    Rendered(Scenario scenario) {
      docs = scenario.documents();
      List<HasMetadata> typed =
          docs.stream().filter(d -> !Manifests.isDapr(d)).map(Manifests::toKubernetes).toList();
      deployments =
          byName(
              typed,
              Deployment.class,
              d -> d.getMetadata().getLabels().get("app.kubernetes.io/component"));
      statefulSets = byName(typed, StatefulSet.class, s -> s.getMetadata().getName());
      services = byName(typed, Service.class, s -> s.getMetadata().getName());
      secrets = byName(typed, Secret.class, s -> s.getMetadata().getName());
      serviceAccounts = byName(typed, ServiceAccount.class, s -> s.getMetadata().getName());
      roles = byName(typed, Role.class, s -> s.getMetadata().getName());
      roleBindings = byName(typed, RoleBinding.class, s -> s.getMetadata().getName());
      pdbs = ofType(typed, PodDisruptionBudget.class);
      ingresses = ofType(typed, Ingress.class);
      components =
          dapr("Component").stream()
              .collect(Collectors.toMap(c -> c.path("metadata").path("name").asText(), c -> c));
    }

    List<JsonNode> dapr(String kind) {
      return docs.stream()
          .filter(Manifests::isDapr)
          .filter(d -> d.path("kind").asText().equals(kind))
          .toList();
    }

    private static <T extends HasMetadata> List<T> ofType(List<HasMetadata> all, Class<T> type) {
      return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> Map<String, T> byName(
        List<HasMetadata> all, Class<T> type, Function<T, String> key) {
      return ofType(all, type).stream()
          .collect(
              Collectors.toMap(
                  t -> Objects.requireNonNull(key.apply(t), "key of " + t.getMetadata().getName()),
                  t -> t,
                  (a, b) -> {
                    throw new AssertionError("two " + type.getSimpleName() + " for one key");
                  }));
    }
  }

  private static void assertSecretKey(
      Rendered r, Scenario scenario, String name, String key, String user) {
    if (scenario.existingSecrets.contains(name)) {
      return;
    }
    Secret secret = r.secrets.get(name);
    assertThat(secret)
        .as(user + " reads Secret " + name + ", which is neither rendered nor an existingSecret")
        .isNotNull();
    Set<String> keys = new HashSet<>();
    Optional.ofNullable(secret.getData()).ifPresent(m -> keys.addAll(m.keySet()));
    Optional.ofNullable(secret.getStringData()).ifPresent(m -> keys.addAll(m.keySet()));
    assertThat(keys).as(user + " reads key " + key + " of Secret " + name).contains(key);
  }

  private static void assertProbe(Probe probe, String path, Deployment d) {
    assertThat(probe).as("probe " + path + " of " + name(d)).isNotNull();
    assertThat(probe.getHttpGet().getPath()).as(name(d)).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).as(name(d)).isEqualTo("http");
  }

  private static void assertPolicy(JsonNode policies, String kind, JsonNode ref) {
    if (!ref.isMissingNode()) {
      assertThat(fieldNames(policies.path(kind)))
          .as("policy " + ref.asText() + " in " + kind)
          .contains(ref.asText());
    }
  }

  static Container appContainer(Deployment d) {
    List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).as(name(d)).hasSize(1);
    return containers.get(0);
  }

  static Map<String, EnvVar> env(Container c) {
    return c.getEnv().stream()
        .collect(
            Collectors.toMap(
                EnvVar::getName,
                v -> v,
                (a, b) -> {
                  throw new AssertionError("env " + a.getName() + " set twice in " + c.getName());
                }));
  }

  static Map<String, String> componentMetadata(JsonNode component) {
    return StreamSupport.stream(component.path("spec").path("metadata").spliterator(), false)
        .filter(m -> m.has("value"))
        .collect(Collectors.toMap(m -> m.path("name").asText(), m -> m.path("value").asText()));
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode single(List<JsonNode> docs) {
    assertThat(docs).hasSize(1);
    return docs.get(0);
  }

  private static String name(HasMetadata resource) {
    return resource.getKind() + " " + resource.getMetadata().getName();
  }
}
