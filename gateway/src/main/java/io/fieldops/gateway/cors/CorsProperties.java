package io.fieldops.gateway.cors;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Browser origins allowed to call the API with credentials. The defaults are the usual local
 * development servers (Create React App / Next.js on 3000, Vite on 5173); a deployment lists its
 * real frontend origins, e.g. {@code
 * FIELDOPS_GATEWAY_CORS_ALLOWED_ORIGINS=https://app.example.com}.
 *
 * @param allowedOrigins exact origins or origin patterns such as {@code https://*.example.com}
 * @param maxAge how long a browser may cache a preflight answer
 */
@Validated
@ConfigurationProperties("fieldops.gateway.cors")
public record CorsProperties(
    @NotNull @DefaultValue({"http://localhost:3000", "http://localhost:5173"})
        List<String> allowedOrigins,
    @NotNull @DefaultValue("30m") Duration maxAge) {}
