package io.fieldops.auth.login;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.fieldops.platform.net.TrustedProxies;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Brute-force guard for password logins: a rising delay per account, and a lock per client address.
 *
 * <p><b>Per account, a rising delay rather than a lock.</b> The first {@code
 * freeFailuresPerAccount} failed attempts need no waiting; after that, each further attempt must
 * wait {@code firstDelay} after the last failure, doubling with every failure ({@code 1 s, 2 s, 4
 * s, ...} by default) up to {@code maxDelay}. An attempt made while it must wait is refused without
 * looking at the password, and is not counted, so an attacker cannot raise the delay faster than
 * the delays allow. The failures are forgotten {@code forgetFailuresAfter} after the last one (and
 * by a successful login, below). Once the delay has reached {@code maxDelay}, a guesser gets one
 * attempt per {@code maxDelay} (4 an hour by default), no more than a 15-minute lock allowed.
 *
 * <p><b>Familiar addresses, so that nobody can lock a known person out.</b> A rising delay alone
 * would still let anyone keep a victim out by failing on purpose once per {@code maxDelay}. So
 * failures are counted per <em>source</em>: each address the account logged in from within {@code
 * familiarAddressFor} (at most {@value #MAX_FAMILIAR_ADDRESSES}, the most recent) has a delay of
 * its own, and everywhere else shares one. An attacker's failures slow down the attacker and
 * everyone else who is not at one of the owner's familiar addresses; the owner at home or at the
 * office logs in as if nothing happened. The owner at a new address waits like everybody else (at
 * most {@code maxDelay} per attempt). Which addresses are familiar is never visible from anywhere
 * else, and an account that does not exist behaves exactly like one nobody logged in to lately.
 *
 * <p><b>Per address, a lock as before.</b> {@code maxFailuresPerAddress} failures from one client
 * address (over all accounts) within {@code addressWindow} lock that address for {@code
 * addressWindow} from the failure that reached the limit; failures while locked do not extend it.
 * An IPv6 client counts by its /64 network (one subscriber gets a whole /64).
 *
 * <p>How the login endpoint must use it, so that it never tells whether an account exists:
 *
 * <ol>
 *   <li>Key the account by the user's id when the typed email or phone belongs to one (so the email
 *       and the phone of one account share one count), else by what was typed, normalised: an
 *       unknown name is counted and delayed exactly like a known one.
 *   <li>Call {@link #isBlocked} before checking the password; when blocked, answer 429 with {@code
 *       Retry-After: retryAfter(...).toSeconds()} and do not check it (a correct password must not
 *       get a different answer from a wrong one while delayed).
 *   <li>On a wrong password or an unknown account call {@link #recordFailure}; on success {@link
 *       #recordSuccess}.
 *   <li>The address must be the client's, not the gateway's ({@link TrustedProxies}), else every
 *       user shares one address and 20 typos lock out everyone.
 * </ol>
 *
 * <p>A successful login forgets the failures of the source it was judged by (its familiar address,
 * or "everywhere else" from an address not yet familiar) and makes its address familiar. The
 * address's own count stays: else an attacker could guess at other accounts and reset their
 * address's count by logging in to an account of their own now and then.
 *
 * <p>Known limits. Counts live in this process's memory: with several replicas each keeps its own,
 * so an attacker who is load-balanced across N replicas gets up to N times the guesses, and an
 * address is familiar only to the replica that saw the login; a shared store is the next step. An
 * attacker behind the owner's own address (the same office NAT) is the owner's source. And because
 * email and phone share one count, someone who spends the free failures on an email can tell from a
 * 429 whether a phone number belongs to the same account while the delay runs.
 *
 * <p>Memory is bounded: each map holds at most {@code maxTrackedKeys} entries, and an entry goes
 * when its failures are forgotten and its familiar addresses expire. Caffeine's size eviction
 * (W-TinyLFU) prefers to keep keys that are hit repeatedly over one-off ones, so spraying random
 * account names mostly evicts other sprayed names rather than the entry of an account under attack
 * or in daily use (Caffeine counts use only once the cache has been half full; before that nothing
 * needs evicting anyway). Spraying from one address is stopped sooner by that address's own lock.
 */
public final class LoginThrottle {

  /**
   * Message key for the refusal, with the minutes to wait (rounded up) as argument {@code {0}} and
   * the exact seconds as {@code {1}}.
   */
  public static final String THROTTLED = "auth.login.throttled";

  /** Longer keys are cut: they cost memory and only make an attacker's own keys collide. */
  static final int MAX_KEY_LENGTH = 256;

  /** Familiar addresses remembered per account, the most recently used first. */
  static final int MAX_FAMILIAR_ADDRESSES = 4;

  private final int freeFailures;
  private final long firstDelayMillis;
  private final long maxDelayMillis;
  private final long forgetAfterMillis;
  private final long familiarForMillis;
  private final int maxFailuresPerAddress;
  private final long addressWindowMillis;
  private final Clock clock;
  private final Cache<String, Account> accounts;
  private final Cache<String, Failures> addresses;

  public LoginThrottle(LoginThrottleProperties properties, Clock clock) {
    this.freeFailures = properties.freeFailuresPerAccount();
    this.firstDelayMillis = properties.firstDelay().toMillis();
    this.maxDelayMillis = properties.maxDelay().toMillis();
    this.forgetAfterMillis = properties.forgetFailuresAfter().toMillis();
    this.familiarForMillis = properties.familiarAddressFor().toMillis();
    this.maxFailuresPerAddress = properties.maxFailuresPerAddress();
    this.addressWindowMillis = properties.addressWindow().toMillis();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.accounts = newCache(properties.maxTrackedKeys(), this::expiresAt);
    this.addresses = newCache(properties.maxTrackedKeys(), Failures::expiresAt);
  }

  /** Whether a login attempt for this account key from this address must be refused now. */
  public boolean isBlocked(String accountKey, String address) {
    return millisToWait(accountKey, address) > 0;
  }

  /**
   * How long until an attempt is allowed again, rounded up to whole seconds (for {@code
   * Retry-After}); zero when not blocked.
   */
  public Duration retryAfter(String accountKey, String address) {
    long millis = millisToWait(accountKey, address);
    return Duration.ofSeconds((millis + 999) / 1000);
  }

  /** Counts one failed login (wrong password, or no such account). */
  public void recordFailure(String accountKey, String address) {
    long now = clock.millis();
    String account = key(accountKey);
    String from = addressKey(address);
    if (account != null) {
      accounts.asMap().compute(account, (k, current) -> withFailure(current, from, now));
    }
    if (from != null) {
      addresses.asMap().compute(from, (k, current) -> nextAddressFailure(current, now));
    }
  }

  /**
   * A successful login: forgets the failures of the source it was judged by and makes the address
   * familiar to the account. The address's own count stays (see the class comment).
   */
  public void recordSuccess(String accountKey, String address) {
    long now = clock.millis();
    String account = key(accountKey);
    if (account != null) {
      String from = addressKey(address);
      accounts.asMap().compute(account, (k, current) -> withSuccess(current, from, now));
    }
  }

  /** The wait after the given number of consecutive failures from one source; zero while free. */
  Duration delayAfter(int failures) {
    return Duration.ofMillis(delayMillis(failures));
  }

  /** Entries currently held, both maps together; for tests of the memory bound. */
  long trackedKeys() {
    accounts.cleanUp();
    addresses.cleanUp();
    return accounts.estimatedSize() + addresses.estimatedSize();
  }

  private long millisToWait(String accountKey, String address) {
    long now = clock.millis();
    String from = addressKey(address);
    return Math.max(accountWait(key(accountKey), from, now), addressLock(from, now));
  }

  private long accountWait(String account, String from, long now) {
    if (account == null) {
      return 0;
    }
    Account entry = accounts.getIfPresent(account);
    if (entry == null) {
      return 0;
    }
    Familiar familiar = familiar(entry, from, now);
    Backoff backoff = live(familiar != null ? familiar.backoff() : entry.elsewhere(), now);
    return backoff == null ? 0 : Math.max(0, backoff.notBefore() - now);
  }

  private long addressLock(String from, long now) {
    if (from == null) {
      return 0;
    }
    Failures failures = addresses.getIfPresent(from);
    return failures == null ? 0 : Math.max(0, failures.lockedUntil() - now);
  }

  private Account withFailure(Account current, String from, long now) {
    Account entry = current == null ? Account.NONE : current;
    Familiar familiar = familiar(entry, from, now);
    if (familiar == null) {
      return new Account(failed(entry.elsewhere(), now), live(entry.familiar(), now));
    }
    List<Familiar> updated = new ArrayList<>();
    for (Familiar other : live(entry.familiar(), now)) {
      updated.add(
          other == familiar
              ? new Familiar(other.address(), other.until(), failed(other.backoff(), now))
              : other);
    }
    return new Account(live(entry.elsewhere(), now), List.copyOf(updated));
  }

  private Account withSuccess(Account current, String from, long now) {
    Account entry = current == null ? Account.NONE : current;
    // Judged by "everywhere else": those failures are forgotten. Judged by a familiar address:
    // only that address's, which its fresh entry below replaces.
    Backoff elsewhere = familiar(entry, from, now) == null ? null : live(entry.elsewhere(), now);
    List<Familiar> familiar = new ArrayList<>();
    if (from != null && familiarForMillis > 0) {
      familiar.add(new Familiar(from, now + familiarForMillis, null));
    }
    for (Familiar other : live(entry.familiar(), now)) {
      if (familiar.size() < MAX_FAMILIAR_ADDRESSES && !other.address().equals(from)) {
        familiar.add(other);
      }
    }
    Account updated = new Account(elsewhere, List.copyOf(familiar));
    return updated.isEmpty() ? null : updated; // null removes the entry
  }

  private Familiar familiar(Account entry, String from, long now) {
    if (from == null) {
      return null;
    }
    for (Familiar familiar : entry.familiar()) {
      if (familiar.address().equals(from) && familiar.until() > now) {
        return familiar;
      }
    }
    return null;
  }

  private Backoff failed(Backoff current, long now) {
    Backoff live = live(current, now);
    int failures = live == null ? 1 : Math.min(live.failures(), Integer.MAX_VALUE - 1) + 1;
    return new Backoff(failures, now, now + delayMillis(failures));
  }

  private long delayMillis(int failures) {
    if (failures < freeFailures) {
      return 0;
    }
    int doublings = failures - freeFailures;
    if (doublings >= Long.numberOfLeadingZeros(firstDelayMillis) - 1) {
      return maxDelayMillis; // the doubling would overflow, and is far beyond the cap anyway
    }
    return Math.min(maxDelayMillis, firstDelayMillis << doublings);
  }

  /** The backoff if its failures still count, else {@code null}. */
  private Backoff live(Backoff backoff, long now) {
    return backoff == null || now - backoff.lastFailure() >= forgetAfterMillis ? null : backoff;
  }

  private List<Familiar> live(List<Familiar> familiar, long now) {
    return familiar.stream().filter(f -> f.until() > now).toList();
  }

  private Failures nextAddressFailure(Failures current, long now) {
    if (current == null || current.expiresAt() <= now) {
      return Failures.first(now, addressWindowMillis, maxFailuresPerAddress);
    }
    if (current.lockedUntil() > now) {
      return current;
    }
    return current.plusOne(now, addressWindowMillis, maxFailuresPerAddress);
  }

  /** When an account entry stops mattering: its failures are forgotten, its addresses expired. */
  private long expiresAt(Account entry) {
    long end = entry.elsewhere() == null ? 0 : entry.elsewhere().lastFailure() + forgetAfterMillis;
    for (Familiar familiar : entry.familiar()) {
      end = Math.max(end, familiar.until());
      if (familiar.backoff() != null) {
        end = Math.max(end, familiar.backoff().lastFailure() + forgetAfterMillis);
      }
    }
    return end;
  }

  private static String key(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String key = raw.strip().toLowerCase(Locale.ROOT);
    return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
  }

  /** An IPv4 address as such, an IPv6 address as its /64 network, anything else as a key. */
  static String addressKey(String raw) {
    InetAddress address = TrustedProxies.parseLiteral(raw);
    if (address instanceof Inet6Address) {
      byte[] network = Arrays.copyOf(address.getAddress(), 16);
      Arrays.fill(network, 8, 16, (byte) 0);
      try {
        return InetAddress.getByAddress(network).getHostAddress() + "/64";
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e); // 16 bytes are always an address
      }
    }
    return address != null ? address.getHostAddress() : key(raw);
  }

  private <V> Cache<String, V> newCache(int maximumSize, ToLongFunction<V> expiresAt) {
    return Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .expireAfter(new UntilExpired<V>(expiresAt))
        // Caffeine's clock is the injected one, so tests move time without sleeping; eviction and
        // expiry run on the calling thread, so they happen when the test looks.
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .executor(Runnable::run)
        .build();
  }

  /**
   * Consecutive failures from one source of one account: the last one's time and when the next
   * attempt is allowed. Epoch milliseconds, to keep the entry small.
   */
  record Backoff(int failures, long lastFailure, long notBefore) {}

  /** An address the account logged in from, familiar until {@code until}, with its own backoff. */
  record Familiar(String address, long until, Backoff backoff) {}

  /** One account: the backoff of everywhere else, and its familiar addresses. */
  record Account(Backoff elsewhere, List<Familiar> familiar) {

    static final Account NONE = new Account(null, List.of());

    boolean isEmpty() {
      return elsewhere == null && familiar.isEmpty();
    }
  }

  /**
   * Failures of one address in the window that began with the first of them and ends at {@code
   * windowEnd}; {@code lockedUntil} is 0 while below the limit. Epoch milliseconds.
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

  private final class UntilExpired<V> implements Expiry<String, V> {

    private final ToLongFunction<V> expiresAt;

    UntilExpired(ToLongFunction<V> expiresAt) {
      this.expiresAt = expiresAt;
    }

    @Override
    public long expireAfterCreate(String key, V value, long currentTime) {
      return remaining(value);
    }

    @Override
    public long expireAfterUpdate(String key, V value, long currentTime, long currentDuration) {
      return remaining(value);
    }

    @Override
    public long expireAfterRead(String key, V value, long currentTime, long currentDuration) {
      return currentDuration;
    }

    private long remaining(V value) {
      return TimeUnit.MILLISECONDS.toNanos(
          Math.max(0, expiresAt.applyAsLong(value) - clock.millis()));
    }
  }
}
