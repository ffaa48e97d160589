package io.fieldops.platform.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Registered by {@link IntegrationTest} (not globally through spring.factories), so plain slice
 * tests in the same module keep sharing their cached contexts undisturbed.
 */
public class IntegrationTestContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    if (TestContextAnnotationUtils.findMergedAnnotation(testClass, IntegrationTest.class) == null) {
      return null;
    }
    return new IntegrationTestContextCustomizer(outermost(testClass));
  }

  // @Nested classes run inside their enclosing class's database and context.
  private static Class<?> outermost(Class<?> testClass) {
    Class<?> owner = testClass;
    while (owner.getEnclosingClass() != null
        && TestContextAnnotationUtils.searchEnclosingClass(owner)) {
      owner = owner.getEnclosingClass();
    }
    return owner;
  }
}
