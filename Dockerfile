# Builds and runs Outpost. Used by docker-compose.yml; configuration comes from the environment.
FROM node:24-bookworm-slim AS node

FROM maven:3.9-eclipse-temurin-21 AS build
# Vaadin's frontend build needs Node.js 24+ and npm
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
 && cp dashboard/target/outpost.jar /outpost.jar

FROM eclipse-temurin:21-jre
# report charts (Java2D) and PDFs (Cyrillic titles) need fontconfig and a font with Cyrillic
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home --home-dir /var/lib/outpost outpost
USER outpost
WORKDIR /var/lib/outpost
COPY --from=build /outpost.jar /opt/outpost/outpost.jar
ENV OUTPOST_DATA_DIR=/var/lib/outpost/data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/outpost/outpost.jar"]
