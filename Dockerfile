# One image recipe for every runnable module: docker build --build-arg MODULE=gateway .
# The jar must be built first (./mvnw package -DskipTests); docker-compose.yml does this per service.
FROM eclipse-temurin:21-jre AS layers
ARG MODULE
WORKDIR /build
COPY ${MODULE}/target/${MODULE}.jar app.jar
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
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
