package io.fieldops.platform.web;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Web defaults: the caller's language from Accept-Language (en, th), paths that match with or
 * without a trailing slash, and strict reading of JSON request bodies.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class, after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
public class PlatformWebAutoConfiguration {

  /** Runs before Spring Security's filter chain (order -100) and everything else of ours. */
  public static final int TRAILING_SLASH_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  /** Right after the trailing-slash filter, still before security reads anything. */
  public static final int BODY_LIMIT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

  @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  LocaleResolver localeResolver(WebProperties properties) {
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
    resolver.setSupportedLocales(properties.supportedLocales());
    resolver.setDefaultLocale(properties.defaultLocale());
    return resolver;
  }

  /**
   * The seeds' clients call {@code /api/agent/booking/create/} with the slash; Spring Framework 7
   * no longer matches it implicitly. Wrapping (not redirecting) keeps POST bodies intact, and doing
   * it before security means URL-based rules see the same path as the controllers.
   */
  @Bean
  @ConditionalOnMissingBean(name = "trailingSlashFilter")
  FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
    UrlHandlerFilter filter = UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build();
    FilterRegistrationBean<UrlHandlerFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(TRAILING_SLASH_FILTER_ORDER);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    registration.setName("trailingSlashFilter");
    return registration;
  }

  /**
   * Query and path dates of the years 0001-9999 only ({@link BoundedDates}); no NUL character in a
   * query parameter ({@link NulFreeText}).
   */
  @Bean
  WebMvcConfigurer requestInputRules() {
    return new WebMvcConfigurer() {
      @Override
      public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new BoundedDates());
      }

      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new NulFreeText.Parameters());
      }
    };
  }

  /**
   * Request bodies are read strictly (an unknown field is a 400 naming it, and so is a member of
   * the wrong JSON type: {@link StrictJsonTypes}) while the application's shared {@link JsonMapper}
   * stays lenient for what it reads from other services and Kafka: a peer adding a field must not
   * break its callers. Ordered after Boot's own customizer so this converter replaces Boot's JSON
   * converter for the server side only.
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  @ConditionalOnBean(JsonMapper.class)
  ServerHttpMessageConvertersCustomizer strictRequestJsonConverter(JsonMapper jsonMapper) {
    JsonMapper strict = strictRequestMapper(jsonMapper);
    return builder ->
        builder
            .withJsonConverter(new JacksonJsonHttpMessageConverter(strict))
            // springdoc drags in Jackson 2 YAML, which Spring would register as a second body
            // format read without snake_case or strictness: the API speaks JSON only.
            .configureMessageConvertersList(
                converters -> converters.removeIf(PlatformWebAutoConfiguration::isYaml));
  }

  private static boolean isYaml(HttpMessageConverter<?> converter) {
    return converter.getSupportedMediaTypes().stream()
        // exact match: String and byte[] converters accept */* and must stay
        .anyMatch(type -> type.getSubtype().equals("yaml") || type.getSubtype().endsWith("+yaml"));
  }

  static JsonMapper strictRequestMapper(JsonMapper jsonMapper) {
    return StrictJsonTypes.apply(jsonMapper.rebuild())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // 1.5 for an integer field is a client bug, not something to truncate silently
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        // no NUL character in any string (NulFreeText)
        .addModule(
            new SimpleModule("fieldops-nul-free-text")
                .addDeserializer(String.class, new NulFreeText.Strings()))
        .build();
  }
}
