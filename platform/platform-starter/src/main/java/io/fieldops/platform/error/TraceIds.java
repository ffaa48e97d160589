package io.fieldops.platform.error;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;

/** The current trace id, so a 500 answer can quote the id its log line carries. */
final class TraceIds implements Supplier<String> {

  private final ObjectProvider<Tracer> tracer;

  TraceIds(ObjectProvider<Tracer> tracer) {
    this.tracer = tracer;
  }

  @Override
  public String get() {
    Tracer current = tracer.getIfAvailable();
    Span span = current == null ? null : current.currentSpan();
    if (span != null && span.context().traceId() != null && !span.context().traceId().isEmpty()) {
      return span.context().traceId();
    }
    return MDC.get("traceId");
  }
}
