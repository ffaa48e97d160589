package io.fieldops.platform.openapi;

import io.fieldops.platform.security.CurrentUser;
import io.swagger.v3.oas.models.Operation;
import java.util.Optional;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.ResolvableType;
import org.springframework.web.method.HandlerMethod;

/**
 * The caller of a public operation that also serves signed-in callers ({@code
 * Optional<CurrentUser>}) comes from the token too, never from the request. springdoc's ignore list
 * names {@code CurrentUser} (see {@link PlatformOpenApiAutoConfiguration}) but not the {@code
 * Optional} around it, so without this such an operation documented a query parameter the service
 * never reads.
 */
public class OptionalCallerCustomizer implements OperationCustomizer {

  private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    if (operation.getParameters() == null) {
      return operation;
    }
    for (MethodParameter parameter : handler.getMethodParameters()) {
      if (isOptionalCaller(parameter)) {
        MethodParameter named = new MethodParameter(parameter);
        named.initParameterNameDiscovery(names);
        String name = named.getParameterName();
        operation
            .getParameters()
            .removeIf(p -> "query".equals(p.getIn()) && p.getName().equals(name));
      }
    }
    return operation;
  }

  private static boolean isOptionalCaller(MethodParameter parameter) {
    return parameter.getParameterType() == Optional.class
        && CurrentUser.class.equals(
            ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve());
  }
}
