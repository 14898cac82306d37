{{/* Names, labels and the secret wiring shared by every template. */}}

{{- define "todo-ai.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "todo-ai.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "todo-ai.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "todo-ai.selectorLabels" -}}
app.kubernetes.io/name: {{ include "todo-ai.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "todo-ai.labels" -}}
helm.sh/chart: {{ include "todo-ai.chart" . }}
{{ include "todo-ai.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: todo-ai
{{- end -}}

{{- define "todo-ai.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{- define "todo-ai.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "todo-ai.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Dapr resources the app and the annotations refer to. Component names are fixed: the
     application refers to them by name ("pubsub", "statestore", "secretstore"). */}}
{{- define "todo-ai.daprConfigName" -}}
{{- printf "%s-dapr-config" (include "todo-ai.fullname" .) -}}
{{- end -}}

{{- define "todo-ai.jwtSecretName" -}}
{{- default (printf "%s-auth" (include "todo-ai.fullname" .)) .Values.auth.existingSecret -}}
{{- end -}}

{{- define "todo-ai.jwtSecretKey" -}}
{{- if .Values.auth.existingSecret -}}{{ .Values.auth.existingSecretKey }}{{- else -}}jwt-secret{{- end -}}
{{- end -}}

{{- define "todo-ai.appTokenSecretName" -}}
{{- default (printf "%s-dapr-app-token" (include "todo-ai.fullname" .)) .Values.dapr.appToken.existingSecret -}}
{{- end -}}

{{- define "todo-ai.apiTokenSecretName" -}}
{{- default (printf "%s-dapr-api-token" (include "todo-ai.fullname" .)) .Values.dapr.apiToken.existingSecret -}}
{{- end -}}

{{- define "todo-ai.managementSecretName" -}}
{{- default (printf "%s-management" (include "todo-ai.fullname" .)) .Values.metrics.managementToken.existingSecret -}}
{{- end -}}

{{- define "todo-ai.postgresqlName" -}}
{{- printf "%s-postgresql" (include "todo-ai.fullname" .) -}}
{{- end -}}

{{- define "todo-ai.redpandaName" -}}
{{- printf "%s-redpanda" (include "todo-ai.fullname" .) -}}
{{- end -}}

{{/* The Secret and key holding the postgres:// URL (DATABASE_URL). */}}
{{- define "todo-ai.databaseSecretName" -}}
{{- if .Values.postgresql.enabled -}}{{ include "todo-ai.postgresqlName" . }}{{- else -}}{{ required "externalDatabase.existingSecret is required when postgresql.enabled=false" .Values.externalDatabase.existingSecret }}{{- end -}}
{{- end -}}

{{- define "todo-ai.databaseSecretKey" -}}
{{- if .Values.postgresql.enabled -}}url{{- else -}}{{ .Values.externalDatabase.existingSecretKey }}{{- end -}}
{{- end -}}

{{- define "todo-ai.kafkaName" -}}
{{- printf "%s-kafka" (include "todo-ai.fullname" .) -}}
{{- end -}}

{{- define "todo-ai.kafkaBrokers" -}}
{{- if .Values.redpanda.enabled -}}
{{- printf "%s:9092" (include "todo-ai.redpandaName" .) -}}
{{- else if .Values.kafkaBroker.enabled -}}
{{- printf "%s:9092" (include "todo-ai.kafkaName" .) -}}
{{- else -}}
{{- required "kafka.brokers is required when redpanda.enabled=false and kafkaBroker.enabled=false" .Values.kafka.brokers -}}
{{- end -}}
{{- end -}}

{{/*
A generated secret value, base64-encoded, that survives upgrades: the explicit value when given,
else the value already stored in the release's Secret (lookup), else a new random one.
Args: dict "ctx" $ "secret" <name> "key" <key> "value" <explicit or ""> "length" <n>
*/}}
{{- define "todo-ai.persistentSecretValue" -}}
{{- if .value -}}
{{- .value | b64enc -}}
{{- else -}}
{{- $existing := lookup "v1" "Secret" .ctx.Release.Namespace .secret -}}
{{- if and $existing $existing.data (hasKey $existing.data .key) -}}
{{- index $existing.data .key -}}
{{- else -}}
{{- randAlphaNum (int .length) | b64enc -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Container securityContext shared by the app and the dependencies. */}}
{{- define "todo-ai.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop:
    - ALL
{{- end -}}
