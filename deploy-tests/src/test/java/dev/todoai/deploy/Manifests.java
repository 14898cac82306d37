package dev.todoai.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Rendered manifests: parsed from YAML, each checked strictly against the Kubernetes API model
 * (fabric8) or, for Dapr resources that have no such model, against a JSON schema of ours.
 */
final class Manifests {
  static final String DAPR_API = "dapr.io/v1alpha1";

  /** apiVersion/kind → the typed Kubernetes model class. */
  static final Map<String, Class<? extends HasMetadata>> KUBERNETES_KINDS =
      Map.ofEntries(
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("apps/v1/StatefulSet", StatefulSet.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/ServiceAccount", ServiceAccount.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
          Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
          Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class));

  static final List<String> DAPR_KINDS = List.of("Component", "Resiliency", "Configuration");

  private static final YAMLMapper YAML = new YAMLMapper();

  /**
   * Jackson 3 mapper for the fabric8 model that rejects what the API server rejects: fabric8
   * classes catch unknown fields in an "additionalProperties" any-setter, so any-setters are
   * switched off and unknown properties fail; numbers or booleans where a string belongs fail too.
   */
  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .annotationIntrospector(new NoAnySetterIntrospector())
          .withCoercionConfig(
              LogicalType.Textual,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .build();

  private static final Map<String, JsonSchema> DAPR_SCHEMAS = loadDaprSchemas();

  private Manifests() {}

  /** Every non-empty YAML document of a multi-document stream. */
  static List<JsonNode> parse(String yaml) {
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      List<JsonNode> result = new ArrayList<>();
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && doc.isObject() && !doc.isEmpty()) {
          result.add(doc);
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> parse(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String typeKey(JsonNode doc) {
    return doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
  }

  static String describe(JsonNode doc) {
    return typeKey(doc) + " " + doc.path("metadata").path("name").asText("<no name>");
  }

  /**
   * The document as its typed Kubernetes model; fails on an unknown kind, an unknown field or a
   * wrongly typed value, naming the document and the field.
   */
  static HasMetadata toKubernetes(JsonNode doc) {
    Class<? extends HasMetadata> type = KUBERNETES_KINDS.get(typeKey(doc));
    if (type == null) {
      throw new AssertionError("no Kubernetes model for " + describe(doc));
    }
    try {
      return STRICT.readValue(doc.toString(), type);
    } catch (RuntimeException e) {
      throw new AssertionError(
          describe(doc) + " does not match the Kubernetes API: " + e.getMessage(), e);
    }
  }

  /** Messages of the Dapr resource's schema check; empty when valid. */
  static Set<String> daprViolations(JsonNode doc) {
    JsonSchema schema = DAPR_SCHEMAS.get(doc.path("kind").asText());
    if (schema == null || !DAPR_API.equals(doc.path("apiVersion").asText())) {
      return Set.of("not a known Dapr resource: " + describe(doc));
    }
    return schema.validate(doc).stream()
        .map(ValidationMessage::getMessage)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  static boolean isDapr(JsonNode doc) {
    return doc.path("apiVersion").asText().equals(DAPR_API)
        && DAPR_KINDS.contains(doc.path("kind").asText());
  }

  /** A copy without the metadata a renderer adds (labels, annotations, namespace). */
  static JsonNode withoutRenderMetadata(JsonNode doc) {
    ObjectNode copy = doc.deepCopy();
    if (copy.get("metadata") instanceof ObjectNode metadata) {
      metadata.remove(List.of("labels", "annotations", "namespace"));
    }
    return copy;
  }

  private static Map<String, JsonSchema> loadDaprSchemas() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    return DAPR_KINDS.stream()
        .collect(
            Collectors.toMap(
                kind -> kind,
                kind -> {
                  String resource = "/dapr-schemas/" + kind.toLowerCase() + ".schema.json";
                  try (InputStream in = Manifests.class.getResourceAsStream(resource)) {
                    if (in == null) {
                      throw new IllegalStateException("missing " + resource);
                    }
                    return factory.getSchema(in);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }));
  }

  private static final class NoAnySetterIntrospector extends JacksonAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    @Override
    public Boolean hasAnySetter(MapperConfig<?> config, Annotated a) {
      return Boolean.FALSE;
    }
  }
}
