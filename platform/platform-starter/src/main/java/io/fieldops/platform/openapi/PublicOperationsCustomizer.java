package io.fieldops.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The document's security matches the service's: every operation needs the bearer token (the
 * document's default) except those under the service's public paths ({@code
 * fieldops.security.public-paths}: login, register, the agent booking), which the document marks as
 * needing none, so a client generated from it does not demand a token it cannot have yet.
 */
public class PublicOperationsCustomizer implements GlobalOpenApiCustomizer {

  private final List<PathPattern> publicPaths;

  public PublicOperationsCustomizer(List<String> publicPaths) {
    this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
  }

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getPaths() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
      if (isPublic(path.getKey())) {
        // an empty requirement list overrides the document's bearer default: no token needed
        path.getValue().readOperations().forEach(operation -> operation.setSecurity(List.of()));
      }
    }
  }

  boolean isPublic(String path) {
    String withoutSlash =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    PathContainer container = PathContainer.parsePath(withoutSlash);
    return publicPaths.stream().anyMatch(pattern -> pattern.matches(container));
  }
}
