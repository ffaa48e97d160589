package io.fieldops.platform.security;

import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies {@link CurrentUser} (401 when nobody is signed in) and {@code Optional<CurrentUser>}
 * (empty when nobody is, for public endpoints that behave differently for a signed-in caller).
 */
public class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    if (parameter.getParameterType() == CurrentUser.class) {
      return true;
    }
    return parameter.getParameterType() == Optional.class
        && parameter.nested().getNestedParameterType() == CurrentUser.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    Optional<CurrentUser> user = current();
    if (parameter.getParameterType() == Optional.class) {
      return user;
    }
    return user.orElseThrow(
        () -> new AuthenticationCredentialsNotFoundException("No authenticated user"));
  }

  static Optional<CurrentUser> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.isAuthenticated()
        && authentication.getPrincipal() instanceof Jwt jwt) {
      return Optional.of(CurrentUserClaims.from(jwt));
    }
    return Optional.empty();
  }
}
