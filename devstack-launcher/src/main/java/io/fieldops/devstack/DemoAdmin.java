package io.fieldops.devstack;

import java.util.Map;

/**
 * The first admin of the demo organisation that auth-service creates on its first start.
 * Development only: the defaults are printed at start and written in the README.
 */
public record DemoAdmin(String organization, String email, String password) {

  public static final String DEFAULT_ORGANIZATION = "demo";
  public static final String DEFAULT_EMAIL = "admin@demo.fieldops.local";
  public static final String DEFAULT_PASSWORD = "fieldops-demo-admin";

  public static DemoAdmin defaults() {
    return new DemoAdmin(DEFAULT_ORGANIZATION, DEFAULT_EMAIL, DEFAULT_PASSWORD);
  }

  /** {@code DEVSTACK_ADMIN_EMAIL} and {@code DEVSTACK_ADMIN_PASSWORD} override the defaults. */
  public static DemoAdmin fromEnvironment(Map<String, String> env) {
    return new DemoAdmin(
        DEFAULT_ORGANIZATION,
        nonBlank(env.get("DEVSTACK_ADMIN_EMAIL"), DEFAULT_EMAIL),
        nonBlank(env.get("DEVSTACK_ADMIN_PASSWORD"), DEFAULT_PASSWORD));
  }

  private static String nonBlank(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
