package io.fieldops.systemtests;

import io.fieldops.devstack.Devstack;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every system test: the running suite, reached only through {@link #gateway()} as a
 * frontend would; {@link #stack()} is for the test's own bookkeeping (which services run, stopping
 * one to see how the rest copes).
 */
@ExtendWith(SystemTestExtension.class)
public abstract class SystemTest {

  private SuiteStack suite;

  void attach(SuiteStack suite) {
    this.suite = suite;
  }

  protected Gateway gateway() {
    return suite.gateway();
  }

  protected Devstack stack() {
    return suite.stack();
  }
}
