package io.fieldops.auth.login;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Brute-force guard for password logins. After {@code maxFailuresPerAccount} failures for one
 * account key within {@code window}, or {@code maxFailuresPerAddress} from one client address, that
 * key or address is locked for {@code window} from the failure that reached the limit.
 *
 * <p>How the login endpoint must use it, so that it never tells whether an account exists:
 *
 * <ol>
 *   <li>Key by what the client typed, normalised (lower-case email or E.164 phone, with the
 *       organisation when accounts are per organisation), never by a user id: an unknown name is
 *       counted and locked exactly like a known one.
 *   <li>Call {@link #isBlocked} before looking anything up; when blocked, answer 429 with {@code
 *       Retry-After: retryAfter(...).toSeconds()} and do not check the password (a correct password
 *       must not get a different answer from a wrong one while locked).
 *   <li>On a wrong password or an unknown account call {@link #recordFailure}; on success {@link
 *       #recordSuccess}.
 *   <li>The address must be the client's, not the gateway's (forwarded headers from the trusted
 *       gateway only), else every user shares one address and 20 typos lock out everyone.
 * </ol>
 *
 * <p>Fixed window from the first failure plus a lock of one full window, like an account lockout
 * policy, rather than a token bucket that hands one attempt back every {@code window / max}: an
 * attacker gets at most {@code max} guesses per window either way, and a person who mistyped five
 * times gets one clear "try again in N minutes" instead of a trickle of single attempts.
 *
 * <p>Known limits. Counts live in this process's memory: with several replicas each keeps its own,
 * so an attacker who is load-balanced across N replicas gets up to N times the guesses; a shared
 * store (a table in the auth database, or Bucket4j over JDBC) is the next step. And anyone can lock
 * a known account for one window by failing on purpose; that is the price of per-account locking,
 * which is why the lock is short and ends by itself.
 *
 * <p>Memory is bounded: each map holds at most {@code maxTrackedKeys} entries and drops an entry
 * when its window or lock ends. Caffeine's size eviction (W-TinyLFU) prefers to keep keys that are
 * hit repeatedly over one-off ones, so spraying random account names mostly evicts other sprayed
 * names rather than the counter of the account under attack (Caffeine counts use only once the
 * cache has been half full; before that nothing needs evicting anyway). Spraying from one address
 * is stopped sooner by that address's own limit.
 */
public final class LoginThrottle {

  /** Message key for the refusal, with the minutes to wait as argument {@code {0}}. */
  public static final String THROTTLED = "auth.login.throttled";

  /** Longer keys are cut: they cost memory and only make an attacker's own keys collide. */
  static final int MAX_KEY_LENGTH = 256;

  private final int maxFailuresPerAccount;
  private final int maxFailuresPerAddress;
  private final long windowMillis;
  private final Clock clock;
  private final Cache<String, Failures> accounts;
  private final Cache<String, Failures> addresses;

  public LoginThrottle(LoginThrottleProperties properties, Clock clock) {
    this.maxFailuresPerAccount = properties.maxFailuresPerAccount();
    this.maxFailuresPerAddress = properties.maxFailuresPerAddress();
    this.windowMillis = properties.window().toMillis();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.accounts = newCache(properties.maxTrackedKeys());
    this.addresses = newCache(properties.maxTrackedKeys());
  }

  /** Whether a login attempt for this account key or from this address must be refused now. */
  public boolean isBlocked(String accountKey, String address) {
    return millisUntilUnblocked(accountKey, address) > 0;
  }

  /**
   * How long until an attempt is allowed again, rounded up to whole seconds (for {@code
   * Retry-After}); zero when not blocked.
   */
  public Duration retryAfter(String accountKey, String address) {
    long millis = millisUntilUnblocked(accountKey, address);
    return Duration.ofSeconds((millis + 999) / 1000);
  }

  /**
   * Counts one failed login (wrong password, or no such account). Failures while already locked do
   * not extend the lock, so the lock always ends one window after the limit was reached.
   */
  public void recordFailure(String accountKey, String address) {
    long now = clock.millis();
    String account = key(accountKey);
    if (account != null) {
      accounts.asMap().compute(account, (k, f) -> next(f, now, maxFailuresPerAccount));
    }
    String from = key(address);
    if (from != null) {
      addresses.asMap().compute(from, (k, f) -> next(f, now, maxFailuresPerAddress));
    }
  }

  /**
   * Forgets the account's failures after a successful login. The address's count stays: else an
   * attacker could guess at other accounts and reset their address's count by logging in to an
   * account of their own now and then.
   */
  public void recordSuccess(String accountKey) {
    String account = key(accountKey);
    if (account != null) {
      accounts.invalidate(account);
    }
  }

  /** Entries currently held, both maps together; for tests of the memory bound. */
  long trackedKeys() {
    accounts.cleanUp();
    addresses.cleanUp();
    return accounts.estimatedSize() + addresses.estimatedSize();
  }

  private long millisUntilUnblocked(String accountKey, String address) {
    long now = clock.millis();
    return Math.max(
        lockedFor(accounts, key(accountKey), now), lockedFor(addresses, key(address), now));
  }

  private static long lockedFor(Cache<String, Failures> cache, String key, long now) {
    if (key == null) {
      return 0;
    }
    Failures failures = cache.getIfPresent(key);
    return failures == null ? 0 : Math.max(0, failures.lockedUntil() - now);
  }

  private Failures next(Failures current, long now, int max) {
    if (current == null || current.expiresAt() <= now) {
      return Failures.first(now, windowMillis, max);
    }
    if (current.lockedUntil() > now) {
      return current;
    }
    return current.plusOne(now, windowMillis, max);
  }

  private static String key(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String key = raw.strip().toLowerCase(Locale.ROOT);
    return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
  }

  private Cache<String, Failures> newCache(int maximumSize) {
    return Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .expireAfter(new UntilWindowOrLockEnds())
        // Caffeine's clock is the injected one, so tests move time without sleeping; eviction and
        // expiry run on the calling thread, so they happen when the test looks.
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .executor(Runnable::run)
        .build();
  }

  /**
   * Failures of one key in the window that began with the first of them and ends at {@code
   * windowEnd}; {@code lockedUntil} is 0 while below the limit. Epoch milliseconds, to keep the
   * entry small.
   */
  record Failures(long windowEnd, int count, long lockedUntil) {

    static Failures first(long now, long window, int max) {
      return new Failures(now + window, 1, max <= 1 ? now + window : 0);
    }

    Failures plusOne(long now, long window, int max) {
      int count = this.count + 1;
      return new Failures(windowEnd, count, count >= max ? now + window : 0);
    }

    /** When this entry stops mattering: the end of its lock, or else of its window. */
    long expiresAt() {
      return lockedUntil > 0 ? lockedUntil : windowEnd;
    }
  }

  private final class UntilWindowOrLockEnds implements Expiry<String, Failures> {

    @Override
    public long expireAfterCreate(String key, Failures value, long currentTime) {
      return remaining(value);
    }

    @Override
    public long expireAfterUpdate(
        String key, Failures value, long currentTime, long currentDuration) {
      return remaining(value);
    }

    @Override
    public long expireAfterRead(
        String key, Failures value, long currentTime, long currentDuration) {
      return currentDuration;
    }

    private long remaining(Failures value) {
      return TimeUnit.MILLISECONDS.toNanos(Math.max(0, value.expiresAt() - clock.millis()));
    }
  }
}
