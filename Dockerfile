# syntax=docker/dockerfile:1
#
# Donut-States service image: the Spring Boot service (service/target/service-<version>-exec.jar)
# against external MySQL 8 / MariaDB 10.6+, SQS (and optionally SNS) and the factory's API. No
# embedded database, queue server or simulator: those are the all-in-one jar's, not a container's.
#
#   ./mvnw -q -pl service -am package -DskipTests
#   docker build -t donut-states:0.3.0-SNAPSHOT .
#
# The jar's layers (service/src/layers.xml) become image layers, libraries first, so a rebuild of the
# shop's own code ships only the last one. Health for orchestrators: /actuator/health/liveness and
# /actuator/health/readiness (no HEALTHCHECK here; Kubernetes, ECS and Nomad probe those).
# Checked without a Docker engine by all-in-one's ContainerImageIT (the layers, these rules, and the
# extracted layout started with these JVM options); see README, "Container image".

# A pinned Java 21 runtime (virtual threads); pin it by digest as well (image@sha256:...) in your build.
ARG JAVA_IMAGE=eclipse-temurin:21.0.8_9-jre-noble

FROM ${JAVA_IMAGE} AS layers
WORKDIR /build
# Exactly one jar must match; with several versions in service/target, name it:
#   docker build --build-arg JAR_FILE=service/target/service-0.3.0-SNAPSHOT-exec.jar -t donut-states:0.3.0-SNAPSHOT .
ARG JAR_FILE=service/target/service-*-exec.jar
COPY ${JAR_FILE} application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM ${JAVA_IMAGE}
LABEL org.opencontainers.image.title="Donut-States service" \
      org.opencontainers.image.description="Reliable, event-driven stock and replenishment for a donut shop" \
      org.opencontainers.image.licenses="Apache-2.0"
# An unprivileged user with a fixed numeric id, so runAsNonRoot can check it; it owns nothing in the image.
RUN groupadd --system --gid 10001 donut \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin donut
WORKDIR /application
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001

# The heap follows the container's memory limit: 60 % of it, leaving room for what lives outside the
# heap (about 270 MB measured: class metadata, compiled code, thread stacks, direct buffers), which
# the other options bound. Give the container 1 GiB or more. A JVM out of memory exits (status 3) for
# the orchestrator to restart. Replace or extend with -e JAVA_OPTS="...".
ENV JAVA_OPTS="-XX:MaxRAMPercentage=60 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=128m -XX:MaxDirectMemorySize=128m" \
    MALLOC_ARENA_MAX=2 \
    SERVER_PORT=8080
EXPOSE 8080
# exec: java is PID 1's replacement and gets SIGTERM itself (graceful shutdown within 30 s).
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar application.jar \"$@\"", "donut-states"]
