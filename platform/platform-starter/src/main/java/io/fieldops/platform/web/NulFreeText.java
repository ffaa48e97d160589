package io.fieldops.platform.web;

import io.fieldops.platform.error.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * No text a client sends may hold the NUL character (U+0000): PostgreSQL's text cannot store it, so
 * it failed in the driver and answered 409 "The request conflicts with existing data", naming
 * nothing. Refused up front instead, as a 400 naming the query parameter or the JSON member. A
 * query parameter that is not UTF-8 at all is refused the same way.
 */
final class NulFreeText {

  static final String PROBLEM = "fieldops.problem.nul-character";
  static final String NOT_UTF8 = "fieldops.problem.not-utf8";

  /** How Tomcat names the parameter it could not decode: "Parameter [linked] with value ...". */
  private static final Pattern UNDECODABLE = Pattern.compile("Parameter \\[([^\\]]{1,100})\\]");

  private NulFreeText() {}

  static boolean holdsNul(String text) {
    return text != null && text.indexOf('\0') >= 0;
  }

  /** Request bodies' strings (the strict request mapper's); the problem handler names the path. */
  static final class Strings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String value = super.deserialize(parser, context);
      if (holdsNul(value)) {
        throw InvalidFormatException.from(
            parser, "text holds the NUL character", value, String.class);
      }
      return value;
    }
  }

  /** Query parameters, names and values, before a controller sees them. */
  static final class Parameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      Map<String, String[]> parameters;
      try {
        parameters = request.getParameterMap();
      } catch (IllegalStateException undecodable) {
        // Tomcat's InvalidParameterException: a percent-encoded value that is not UTF-8 (%C3%28).
        // Before, it reached the catch-all handler as a 500.
        Matcher named = UNDECODABLE.matcher(String.valueOf(undecodable.getMessage()));
        String name = named.find() ? named.group(1).replace("\0", "") : "query";
        throw new BadRequestException(NOT_UTF8, Map.of(name, NOT_UTF8 + "-detail"), name);
      }
      for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
        boolean nul = holdsNul(parameter.getKey());
        for (String value : parameter.getValue()) {
          nul |= holdsNul(value);
        }
        if (nul) {
          String name = parameter.getKey().replace("\0", "");
          throw new BadRequestException(PROBLEM, Map.of(name, PROBLEM + "-detail"), name);
        }
      }
      return true;
    }
  }
}
