package io.fieldops.platform.openapi;

import io.fieldops.platform.error.ProblemErrorController;
import io.fieldops.platform.security.CurrentUser;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The service's OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}):
 * titled after the service, every operation secured by a bearer JWT unless it says otherwise, and
 * schemas in the snake_case the API actually speaks.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@EnableConfigurationProperties(OpenApiProperties.class)
public class PlatformOpenApiAutoConfiguration {

  public static final String BEARER_SCHEME = "bearer-jwt";

  static {
    // The caller comes from the access token (CurrentUserArgumentResolver), never from the
    // request: without this springdoc documents it as a required query parameter on every
    // operation that takes it.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    // The platform's /error answers errors; it is not an operation a client calls.
    SpringDocUtils.getConfig().addHiddenRestControllers(ProblemErrorController.class);
  }

  @Bean
  @ConditionalOnMissingBean
  OpenAPI fieldopsOpenApi(OpenApiProperties properties, Environment environment) {
    String title =
        firstNonBlank(
            properties.title(), environment.getProperty("spring.application.name"), "fieldops");
    String version =
        firstNonBlank(
            properties.version(), environment.getProperty("spring.application.version"), "v1");
    return new OpenAPI()
        .info(new Info().title(title).description(properties.description()).version(version))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER_SCHEME,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("Access token issued by auth-service (RS256)")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME))
        // Clients reach every service through the gateway, which serves every document's paths
        // as they are; a relative server makes Swagger UI (and generated clients) call the
        // origin the document came from instead of the service port springdoc would name.
        .servers(
            List.of(
                new Server()
                    .url("/")
                    .description("The gateway that served this document (every path is routed)")));
  }

  /** The service's public paths need no token in the document either. */
  @Bean
  @ConditionalOnMissingBean
  PublicOperationsCustomizer publicOperationsCustomizer(Environment environment) {
    List<String> publicPaths =
        Binder.get(environment)
            .bind("fieldops.security.public-paths", Bindable.listOf(String.class))
            .orElse(List.of());
    return new PublicOperationsCustomizer(publicPaths);
  }

  @Bean
  @ConditionalOnMissingBean
  OptionalCallerCustomizer optionalCallerCustomizer() {
    return new OptionalCallerCustomizer();
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemResponsesCustomizer problemResponsesCustomizer() {
    return new ProblemResponsesCustomizer();
  }

  /**
   * snake_case members, whole-value patterns, JSON trees as any value ({@link ApiModelResolver}).
   */
  @Bean
  @ConditionalOnMissingBean(name = "snakeCaseModelResolver")
  @ConditionalOnProperty(
      name = "spring.jackson.property-naming-strategy",
      havingValue = "SNAKE_CASE",
      matchIfMissing = false)
  ModelConverter snakeCaseModelResolver(Environment environment) {
    // in the document's OpenAPI version, as springdoc's own resolver (3.1 unless configured)
    return new ApiModelResolver()
        .openapi31(
            !"openapi_3_0"
                .equalsIgnoreCase(
                    environment.getProperty("springdoc.api-docs.version", "openapi_3_1")));
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
