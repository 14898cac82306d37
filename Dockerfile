# The one Todo AI image: every role runs it; the role comes only from the environment (TODO_ROLE,
# default "all"). Builds without BuildKit-only features so `minikube image build` and plain
# `docker build` both work:
#   docker build -t todo-ai:dev .
#   docker run --rm -p 8080:8080 -v todo-data:/app/data todo-ai:dev                 # role all
#   docker run --rm -e TODO_ROLE=backend -e DATABASE_URL=postgres://... todo-ai:dev

# ---- node: Node.js 20 and npm for the web app's build (nothing of this stage is shipped) ---------
FROM node:20-bookworm-slim AS node

# ---- build: the shaded jar bootstrap/target/todo-ai.jar (Java modules and the web app) -----------
FROM maven:3.9-eclipse-temurin-17 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && node --version && npm --version
WORKDIR /src
COPY . .
RUN mvn -B -ntp -pl bootstrap -am package \
      -DskipTests -Dspotless.check.skip=true -Dmaven.javadoc.skip=true \
 && cp bootstrap/target/todo-ai.jar /todo-ai.jar

# ---- runtime: a JRE, a non-root user and the jar ---------------------------------------------------
FROM eclipse-temurin:17-jre AS runtime
ARG APP_UID=10001
RUN groupadd --system --gid "${APP_UID}" todo \
 && useradd --system --uid "${APP_UID}" --gid todo --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin todo \
 && mkdir -p /app/data \
 && chown -R todo:todo /app
WORKDIR /app
COPY --from=build --chown=root:root /todo-ai.jar /app/todo-ai.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"

# ---- cds: the class-data sharing archive (ADR 0021). One training run starts the embedded default
# on a scratch directory and stops again; the JVM writes the classes it loaded, parsed and verified,
# and every later start of any role maps them instead of loading them from the jar (a restart: 4.6 s
# -> 2.8 s, docs/benchmarks.md). Nothing of the run but the archive leaves this stage.
FROM runtime AS cds
USER 10001:10001
RUN mkdir -p /tmp/cds \
 && TODO_EXIT_AFTER_START=1 TODO_DATA_DIR=/tmp/cds/data TODO_PG_BINARIES_DIR=/tmp/cds/pg \
    TODO_PORT=-1 java -XX:ArchiveClassesAtExit=/tmp/cds/todo-ai.jsa -jar /app/todo-ai.jar \
    > /tmp/cds/training.log 2>&1 \
 || { tail -40 /tmp/cds/training.log; exit 1; }

# ---- the image: the runtime stage (same jar, same JVM) plus the archive, read-only --------------
FROM runtime
COPY --from=cds --chown=root:root /tmp/cds/todo-ai.jsa /app/todo-ai.jsa

# No TODO_ROLE here: the role comes only from the environment the container is started with
# (unset = "all").
ENV TODO_PORT=8080 \
    TODO_DATA_DIR=/app/data
EXPOSE 8080
VOLUME ["/app/data"]

# Numeric user, so Kubernetes' runAsNonRoot can check it.
USER 10001:10001

# Micronaut management readiness (/health/readiness) over bash's /dev/tcp: the JRE image needs no
# curl. Orchestrators with their own probes (Kubernetes) ignore this.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${TODO_PORT:-8080} && printf 'GET /health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# -Xshare:auto: a JVM that cannot use the archive (another JVM build, a changed jar) starts without
# it rather than failing.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/todo-ai.jsa", "-Xshare:auto", "-jar", "/app/todo-ai.jar"]
