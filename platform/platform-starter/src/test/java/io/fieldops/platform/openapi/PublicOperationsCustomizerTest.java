package io.fieldops.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicOperationsCustomizerTest {

  private final PublicOperationsCustomizer customizer =
      new PublicOperationsCustomizer(List.of("/api/auth/login", "/test/public/**"));

  @Test
  void publicPathsNeedNoTokenAndEveryOtherKeepsTheDefault() {
    OpenAPI doc =
        new OpenAPI()
            .paths(
                new Paths()
                    .addPathItem("/api/auth/login", new PathItem().post(new Operation()))
                    .addPathItem("/api/auth/login/", new PathItem().post(new Operation()))
                    .addPathItem("/test/public/echo", new PathItem().get(new Operation()))
                    .addPathItem("/api/auth/profile", new PathItem().get(new Operation())));

    customizer.customise(doc);

    assertThat(doc.getPaths().get("/api/auth/login").getPost().getSecurity()).isEmpty();
    assertThat(doc.getPaths().get("/api/auth/login/").getPost().getSecurity()).isEmpty();
    assertThat(doc.getPaths().get("/test/public/echo").getGet().getSecurity()).isEmpty();
    // null: the document's bearer requirement applies
    assertThat(doc.getPaths().get("/api/auth/profile").getGet().getSecurity()).isNull();
  }
}
