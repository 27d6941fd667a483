package kz.talap.account;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in staff, kept in memory: a session id for the cookie and a CSRF token for the forms, both 256 random bits.
 * A session ends after {@code idle} without use, after {@code longest} in all, at logout, or when its account is
 * disabled. A restart logs everyone out, which keeps no session secret on disk.
 */
public final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Duration idle;
  private final Duration longest;
  private final Clock clock;
  private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

  /** One logged-in member of staff; {@code csrf} goes into every form and must come back with every POST. */
  public record Session(String id, Account account, String csrf) {
    /** Whether a submitted form token is this session's, compared in constant time. */
    public boolean csrfMatches(String token) {
      return token != null && MessageDigest.isEqual(csrf.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private record Entry(Session session, Instant started, Instant lastUsed) {}

  /** Thirty minutes idle, ten hours (a working day) at most. */
  public Sessions() {
    this(Duration.ofMinutes(30), Duration.ofHours(10), Clock.systemUTC());
  }

  public Sessions(Duration idle, Duration longest, Clock clock) {
    this.idle = idle;
    this.longest = longest;
    this.clock = clock;
  }

  /** Starts a session after a successful {@link Accounts#login}. */
  public Session start(Account account) {
    Instant now = clock.instant();
    Session session = new Session(random(), account, random());
    sessions.put(session.id(), new Entry(session, now, now));
    return session;
  }

  /** The session with this cookie value, if it is still open; using it keeps it open. */
  public Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Entry entry = sessions.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    if (expired(entry, now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    sessions.replace(id, entry, new Entry(entry.session(), entry.started(), now));
    return Optional.of(entry.session());
  }

  /** Logs out. */
  public void end(String id) {
    sessions.remove(id);
  }

  /** Ends every session of an account (call it when the account is disabled or its password changed). */
  public void endAll(String accountName) {
    sessions.values().removeIf(e -> e.session().account().name().equals(accountName));
  }

  /** Forgets expired sessions; the server may call it now and then. Returns how many are still open. */
  public int sweep() {
    Instant now = clock.instant();
    for (Iterator<Entry> it = sessions.values().iterator(); it.hasNext(); ) {
      if (expired(it.next(), now)) {
        it.remove();
      }
    }
    return sessions.size();
  }

  private boolean expired(Entry entry, Instant now) {
    return !entry.lastUsed().plus(idle).isAfter(now) || !entry.started().plus(longest).isAfter(now);
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
