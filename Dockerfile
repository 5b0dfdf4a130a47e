# Builds and runs Outpost. Used by docker-compose.yml; configuration comes from the environment.
# DockerfileTest (dashboard) checks this file offline: the data folder made for and owned by the
# user the image runs as, a healthcheck without curl or wget, a build of the app alone.
# Java 21 or newer; the build and the runtime use the same major version:
#   docker build --build-arg JAVA_VERSION=25 .
ARG JAVA_VERSION=21

FROM node:24-bookworm-slim AS node

FROM maven:3.9-eclipse-temurin-${JAVA_VERSION} AS build
# Vaadin's frontend build needs Node.js 24+ and npm
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
WORKDIR /src
COPY . .
# Only what the app is made of: the dashboard and the modules it depends on (not the benchmarks),
# without the Elasticsearch distribution zip (-DskipElasticsearchNode; the image always runs
# against a cluster, the compose stack's or yours). The image's Maven, not the wrapper: the
# wrapper would download Maven again with curl or wget.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl dashboard -am -DskipTests -DskipElasticsearchNode package \
 && cp dashboard/target/outpost.jar /outpost.jar \
 && mkdir /healthcheck \
 && javac --release 21 -d /healthcheck deploy/docker/Healthcheck.java

FROM eclipse-temurin:${JAVA_VERSION}-jre
# report charts (Java2D) and PDFs (Cyrillic titles) need fontconfig and a font with Cyrillic
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
# Everything the app writes is under the data folder (H2 when no PostgreSQL is configured, the
# sample corpus it unpacks, alerts-secret.key when OUTPOST_ALERTS_SECRET_KEY is unset) and the
# JVM's temporary folder (/tmp). The data folder is made here and given to the app's user: the
# app-data volume mounted on it takes that owner when it is created, and the app could not
# create it under a home it may not write to.
RUN useradd --system --user-group --home-dir /var/lib/outpost --create-home outpost \
 && mkdir -p /var/lib/outpost/data \
 && chown -R outpost:outpost /var/lib/outpost
COPY --from=build /outpost.jar /opt/outpost/outpost.jar
COPY --from=build /healthcheck /opt/outpost/healthcheck
ENV OUTPOST_DATA_DIR=/var/lib/outpost/data
USER outpost
WORKDIR /var/lib/outpost
EXPOSE 8080
# ready = started and accepting requests; the JRE's own HTTP client (Healthcheck.java), no curl
HEALTHCHECK --interval=15s --timeout=10s --start-period=120s --retries=5 \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx16m", "-cp", "/opt/outpost/healthcheck", "Healthcheck", "http://localhost:8080/actuator/health/readiness"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/outpost/outpost.jar"]
