package kz.talap.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Failed logins per key: blocked after the limit until the oldest failure leaves the window. */
class LoginLimiterTest {
  /** A clock the test moves by hand. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-03-20T05:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void blocked_afterThreeFailuresInAMinute_untilTheFirstIsAMinuteOld() {
    Hand clock = new Hand();
    LoginLimiter limiter = new LoginLimiter(3, Duration.ofMinutes(1), 100, clock);
    limiter.failed("aliya");
    clock.now = clock.now.plusSeconds(10);
    limiter.failed("aliya");
    assertEquals(Optional.empty(), limiter.blocked("aliya"));
    limiter.failed("aliya");
    assertEquals(Optional.of(Duration.ofSeconds(50)), limiter.blocked("aliya"));
    assertEquals(Optional.empty(), limiter.blocked("bolat"));
    clock.now = clock.now.plusSeconds(50);
    assertEquals(Optional.empty(), limiter.blocked("aliya"));
    limiter.failed("aliya");
    assertEquals(Optional.of(Duration.ofSeconds(10)), limiter.blocked("aliya"));
  }

  @Test
  void succeeded_clearsTheFailures() {
    Hand clock = new Hand();
    LoginLimiter limiter = new LoginLimiter(2, Duration.ofMinutes(15), 100, clock);
    limiter.failed("aliya");
    limiter.succeeded("aliya");
    limiter.failed("aliya");
    assertEquals(Optional.empty(), limiter.blocked("aliya"));
    limiter.failed("aliya");
    assertEquals(Optional.of(Duration.ofMinutes(15)), limiter.blocked("aliya"));
  }

  @Test
  void failed_moreKeysThanKept_forgetsTheLeastRecentlyUsed() {
    Hand clock = new Hand();
    LoginLimiter limiter = new LoginLimiter(1, Duration.ofMinutes(15), 2, clock);
    limiter.failed("a");
    limiter.failed("b");
    limiter.failed("c");
    assertEquals(Optional.empty(), limiter.blocked("a"));
    assertEquals(Optional.of(Duration.ofMinutes(15)), limiter.blocked("b"));
    assertEquals(Optional.of(Duration.ofMinutes(15)), limiter.blocked("c"));
  }
}
