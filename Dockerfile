# Builds one of Lethe's services: docker build --build-arg MODULE=command-service .
# A module whose directory is not its artifact's name says both: MODULE=examples/metadata-cache ARTIFACT=metadata-cache
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
ARG MODULE
ARG ARTIFACT=${MODULE}
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${ARTIFACT}-0.1.0-SNAPSHOT.jar /app/app.jar
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
