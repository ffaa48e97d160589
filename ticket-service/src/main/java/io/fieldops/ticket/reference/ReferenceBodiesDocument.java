package io.fieldops.ticket.reference;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.function.Function;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocAnnotationsUtils;
import org.springframework.stereotype.Component;

/**
 * Puts each kind's create and change body ({@link ReferenceBodies}) on its POST and PATCH in the
 * API document. The handlers are shared ({@link ReferenceResource}) and read a JSON tree, so
 * springdoc alone could only say "any JSON value", and clients and the API fuzzer, which are
 * generated from the document, would not know a single member.
 */
@Component
class ReferenceBodiesDocument implements OpenApiCustomizer {

  private final List<ReferenceResource<?>> resources;

  ReferenceBodiesDocument(List<ReferenceResource<?>> resources) {
    this.resources = resources;
  }

  @Override
  public void customise(OpenAPI openApi) {
    for (ReferenceResource<?> resource : resources) {
      describe(openApi, resource.path(), PathItem::getPost, resource.newBody());
      describe(openApi, resource.path() + "/{id}", PathItem::getPatch, resource.changeBody());
    }
  }

  private static void describe(
      OpenAPI openApi, String path, Function<PathItem, Operation> method, Class<?> body) {
    PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
    Operation operation = item == null ? null : method.apply(item);
    if (operation == null
        || operation.getRequestBody() == null
        || operation.getRequestBody().getContent() == null) {
      return; // a document that leaves the operation out (a group, a filter)
    }
    if (openApi.getComponents() == null) {
      openApi.setComponents(new Components());
    }
    Schema<?> schema =
        SpringDocAnnotationsUtils.extractSchema(
            openApi.getComponents(), body, null, null, openApi.getSpecVersion());
    operation.getRequestBody().getContent().values().forEach(media -> media.setSchema(schema));
  }
}
