package io.fieldops.platform.error;

import io.fieldops.platform.web.PlatformWebAutoConfiguration;
import io.fieldops.platform.web.WebProperties;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.json.JsonMapper;

/** Problem+json answers for every error of a servlet service. */
@AutoConfiguration(
    after = {JacksonAutoConfiguration.class, PlatformWebAutoConfiguration.class},
    before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformErrorAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ProblemFactory problemFactory(MessageSource messageSource) {
    return new ProblemFactory(messageSource);
  }

  @Bean
  @ConditionalOnMissingBean
  JsonFieldNames jsonFieldNames(JsonMapper jsonMapper) {
    PropertyNamingStrategy strategy = jsonMapper.serializationConfig().getPropertyNamingStrategy();
    return new JsonFieldNames(strategy);
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemResponseWriter problemResponseWriter(
      ProblemFactory problemFactory,
      JsonMapper jsonMapper,
      @Qualifier(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME) LocaleResolver localeResolver) {
    return new ProblemResponseWriter(problemFactory, jsonMapper, localeResolver);
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemExceptionHandler problemExceptionHandler(
      ProblemFactory problemFactory, JsonFieldNames jsonFieldNames, ObjectProvider<Tracer> tracer) {
    return new ProblemExceptionHandler(problemFactory, jsonFieldNames, new TraceIds(tracer));
  }

  @Bean
  @ConditionalOnMissingBean(name = "requestBodyLimitFilter")
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
      WebProperties properties, ProblemResponseWriter writer) {
    FilterRegistrationBean<RequestBodyLimitFilter> registration =
        new FilterRegistrationBean<>(
            new RequestBodyLimitFilter(properties.maxRequestBody(), writer));
    registration.setOrder(PlatformWebAutoConfiguration.BODY_LIMIT_FILTER_ORDER);
    registration.setName("requestBodyLimitFilter");
    return registration;
  }

  @Bean
  @ConditionalOnMissingBean(ErrorController.class)
  ProblemErrorController problemErrorController(ProblemResponseWriter writer) {
    return new ProblemErrorController(writer);
  }
}
