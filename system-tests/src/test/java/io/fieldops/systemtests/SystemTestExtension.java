package io.fieldops.systemtests;

import io.fieldops.devstack.Devstack;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Gives a system test the suite's stack: starts it on first use, keeps it in the root store so
 * every class of the run shares it, and lets JUnit close it at the end of the run. Tests either
 * extend {@link SystemTest} or take a {@link Gateway} or {@link Devstack} parameter.
 */
public final class SystemTestExtension implements TestInstancePostProcessor, ParameterResolver {

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    if (testInstance instanceof SystemTest test) {
      test.attach(suiteStack(context));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Gateway.class || type == Devstack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SuiteStack stack = suiteStack(context);
    return parameter.getParameter().getType() == Gateway.class ? stack.gateway() : stack.stack();
  }

  /**
   * The root store outlives every class; JUnit closes AutoCloseable values when the run ends. A
   * failed start is kept too, so the next classes fail at once with the same cause instead of
   * trying again for minutes.
   */
  private static SuiteStack suiteStack(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(SystemTestExtension.class))
        .computeIfAbsent(StartAttempt.class, key -> StartAttempt.run(), StartAttempt.class)
        .stackOrThrow();
  }

  /** The outcome of the one start of the run: a stack, or why there is none. */
  private record StartAttempt(SuiteStack stack, RuntimeException failure) implements AutoCloseable {

    static StartAttempt run() {
      try {
        return new StartAttempt(SuiteStack.start(), null);
      } catch (RuntimeException e) {
        return new StartAttempt(null, e);
      }
    }

    SuiteStack stackOrThrow() {
      if (failure != null) {
        throw new IllegalStateException("the system-test stack did not start", failure);
      }
      return stack;
    }

    @Override
    public void close() {
      if (stack != null) {
        stack.close();
      }
    }
  }
}
