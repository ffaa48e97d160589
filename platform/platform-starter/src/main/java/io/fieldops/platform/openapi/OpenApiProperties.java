package io.fieldops.platform.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fieldops.openapi.*}: what the service's API document says about itself.
 *
 * @param title defaults to {@code spring.application.name}
 * @param description one or two sentences for the Swagger UI header
 * @param version defaults to {@code spring.application.version} (the jar's Implementation-Version),
 *     else {@code v1}
 */
@ConfigurationProperties("fieldops.openapi")
public record OpenApiProperties(String title, String description, String version) {}
