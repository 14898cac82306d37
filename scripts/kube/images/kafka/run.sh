#!/bin/sh
# Writes server.properties from the environment the way the official apache/kafka image does
# (KAFKA_FOO_BAR -> foo.bar, "__" -> "_", "___" -> "-"), formats the log directory once with
# CLUSTER_ID, then runs the broker. Writes only to /tmp and the log directory.
set -eu
props=/tmp/server.properties
: > "$props"
env | grep '^KAFKA_' | grep -v '^KAFKA_HEAP_OPTS=\|^KAFKA_OPTS=' | while IFS='=' read -r name value; do
  key=$(echo "${name#KAFKA_}" | tr 'A-Z' 'a-z' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')
  echo "$key=$value" >> "$props"
done
: "${CLUSTER_ID:?CLUSTER_ID is required}"
cp="/opt/kafka/libs/*"
log="-Dlog4j2.configurationFile=/opt/kafka/log4j2.properties"
java $log -cp "$cp" kafka.tools.StorageTool format --ignore-formatted -t "$CLUSTER_ID" -c "$props"
exec java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} ${KAFKA_OPTS:-} $log -cp "$cp" kafka.Kafka "$props"
