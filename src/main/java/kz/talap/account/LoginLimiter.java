package kz.talap.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Limits failed logins per key (the server uses one key per account name and one per client address): after
 * {@code failures} failures within {@code window}, further attempts are refused until the oldest of them leaves the
 * window. A success clears the key. Thread-safe; holds at most {@code maxKeys} keys, forgetting the stalest first.
 */
public final class LoginLimiter {
  private final int failures;
  private final Duration window;
  private final int maxKeys;
  private final Clock clock;
  private final Map<String, Deque<Instant>> recent;

  /** Five failures per key in fifteen minutes, at most 100,000 keys. */
  public LoginLimiter() {
    this(5, Duration.ofMinutes(15), 100_000, Clock.systemUTC());
  }

  public LoginLimiter(int failures, Duration window, int maxKeys, Clock clock) {
    this.failures = failures;
    this.window = window;
    this.maxKeys = maxKeys;
    this.clock = clock;
    // Access order: the key used least recently is the one forgotten when the map is full.
    this.recent = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
        return size() > LoginLimiter.this.maxKeys;
      }
    };
  }

  /** How long {@code key} must wait before it may try again; empty if it may try now. */
  public synchronized Optional<Duration> blocked(String key) {
    Instant now = clock.instant();
    Deque<Instant> times = prune(key, now);
    if (times == null || times.size() < failures) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
  }

  /** Counts one failed attempt for {@code key}. */
  public synchronized void failed(String key) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
    times.addLast(now);
    while (times.size() > failures) {
      times.removeFirst();
    }
  }

  /** Forgets the failures of {@code key} after a successful login. */
  public synchronized void succeeded(String key) {
    recent.remove(key);
  }

  private Deque<Instant> prune(String key, Instant now) {
    Deque<Instant> times = recent.get(key);
    if (times == null) {
      return null;
    }
    while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
      times.removeFirst();
    }
    if (times.isEmpty()) {
      recent.remove(key);
      return null;
    }
    return times;
  }
}
