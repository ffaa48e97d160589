package io.fieldops.ticket.master;

import java.util.Optional;
import java.util.function.Function;

/**
 * A member of a master request as seed 003's update rules read it: absent (keep what is there),
 * {@code null} (clear or unlink) or a value. Plain binding into records cannot tell the first two
 * apart, so the request is read from the JSON tree into these.
 */
public sealed interface Part<T> {

  @SuppressWarnings("unchecked")
  static <T> Part<T> absent() {
    return (Part<T>) Absent.INSTANCE;
  }

  @SuppressWarnings("unchecked")
  static <T> Part<T> cleared() {
    return (Part<T>) Cleared.INSTANCE;
  }

  static <T> Part<T> of(T value) {
    return new Value<>(value);
  }

  default boolean isAbsent() {
    return this instanceof Absent;
  }

  default boolean isCleared() {
    return this instanceof Cleared;
  }

  /** The value when one was given. */
  default Optional<T> value() {
    return this instanceof Value<T> v ? Optional.of(v.given()) : Optional.empty();
  }

  /** For a create: the value, or null when absent or cleared. */
  default T orNull() {
    return value().orElse(null);
  }

  /** For an update: the value when given, null when cleared, {@code current} when absent. */
  default T merge(T current) {
    return switch (this) {
      case Absent<T> a -> current;
      case Cleared<T> c -> null;
      case Value<T> v -> v.given();
    };
  }

  default <R> Part<R> map(Function<T, R> mapper) {
    return switch (this) {
      case Absent<T> a -> absent();
      case Cleared<T> c -> cleared();
      case Value<T> v -> of(mapper.apply(v.given()));
    };
  }

  /** Omitted from the request. */
  record Absent<T>() implements Part<T> {
    static final Absent<?> INSTANCE = new Absent<>();
  }

  /** Written as {@code null}. */
  record Cleared<T>() implements Part<T> {
    static final Cleared<?> INSTANCE = new Cleared<>();
  }

  record Value<T>(T given) implements Part<T> {}
}
