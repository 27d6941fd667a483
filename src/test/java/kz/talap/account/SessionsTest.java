package kz.talap.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import kz.talap.account.Account.Kind;
import kz.talap.account.Account.Role;
import kz.talap.account.Sessions.Session;
import org.junit.jupiter.api.Test;

/** Sessions: random ids and CSRF tokens, idle and total time limits, logout. */
class SessionsTest {
  static final Account ALIYA = new Account("aliya", Kind.STAFF, Role.CLERK, "ALM-01", false);

  @Test
  void start_givesRandomIdAndCsrfToken() {
    Sessions sessions = new Sessions();
    Session a = sessions.start(ALIYA);
    Session b = sessions.start(ALIYA);
    assertTrue(a.id().matches("[A-Za-z0-9_-]{43}"), a.id());
    assertTrue(a.csrf().matches("[A-Za-z0-9_-]{43}"), a.csrf());
    assertNotEquals(a.id(), b.id());
    assertNotEquals(a.id(), a.csrf());
    assertEquals(Optional.of(a), sessions.find(a.id()));
    assertTrue(a.csrfMatches(a.csrf()));
    assertFalse(a.csrfMatches(b.csrf()));
    assertFalse(a.csrfMatches(null));
    assertEquals(Optional.empty(), sessions.find("forged"));
  }

  @Test
  void find_afterIdleOrTotalLimit_isEmpty() {
    LoginLimiterTest.Hand clock = new LoginLimiterTest.Hand();
    Sessions sessions = new Sessions(Duration.ofMinutes(30), Duration.ofHours(10), clock);
    Session s = sessions.start(ALIYA);
    for (int i = 0; i < 19; i++) {
      clock.now = clock.now.plus(Duration.ofMinutes(29));
      assertTrue(sessions.find(s.id()).isPresent(), "used every 29 minutes: " + i);
    }
    clock.now = clock.now.plus(Duration.ofMinutes(28)); // 9 h 39 min since the start
    assertTrue(sessions.find(s.id()).isPresent());
    clock.now = clock.now.plus(Duration.ofMinutes(22)); // 22 minutes idle, but 10 h 1 min since the start
    assertEquals(Optional.empty(), sessions.find(s.id()));
    Session t = sessions.start(ALIYA);
    clock.now = clock.now.plus(Duration.ofMinutes(30));
    assertEquals(Optional.empty(), sessions.find(t.id()));
    assertEquals(0, sessions.sweep());
  }

  @Test
  void endAndEndAll_closeSessions() {
    Sessions sessions = new Sessions();
    Session a = sessions.start(ALIYA);
    Session b = sessions.start(ALIYA);
    Session c = sessions.start(new Account("bolat", Kind.STAFF, Role.CLERK, "ALM-01", false));
    sessions.end(a.id());
    assertEquals(Optional.empty(), sessions.find(a.id()));
    sessions.endAll("aliya");
    assertEquals(Optional.empty(), sessions.find(b.id()));
    assertEquals(Optional.of(c), sessions.find(c.id()));
  }
}
