# syntax=docker/dockerfile:1
# One image recipe for every runnable module, from a fresh clone with only Docker:
#   docker build --build-arg MODULE=gateway .
# The builder stage runs the Maven wrapper inside the build; ~/.m2 is a BuildKit cache mount, so the
# dependencies are downloaded once and shared by every module's build.
FROM eclipse-temurin:21-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl ${MODULE} -am package -DskipTests -Dspotless.check.skip=true \
    && cp ${MODULE}/target/${MODULE}.jar /app.jar

FROM eclipse-temurin:21-jre AS layers
WORKDIR /build
COPY --from=build /app.jar app.jar
# Boot's layered extraction: dependencies change rarely, so they get their own cached layers.
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 fieldops
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001
# Defaults for a container without its own sizing; compose and Kubernetes set JAVA_TOOL_OPTIONS.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
