package kz.talap.journal;

import java.time.LocalDate;
import java.util.Optional;
import kz.talap.account.Account;
import kz.talap.account.Account.Permission;

/**
 * Which journal entries to list: days (inclusive, in Kazakhstan), office, actor (clerk or API client), service and
 * verdict, each optional; at most {@code limit} entries after skipping {@code offset}, oldest first.
 */
public record JournalQuery(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> office,
    Optional<String> actor, Optional<String> service, Optional<String> verdict, int limit, int offset) {

  public JournalQuery {
    if (limit < 0 || offset < 0) {
      throw new IllegalArgumentException("limit and offset must not be negative");
    }
  }

  /** Every entry. */
  public static JournalQuery all() {
    return new JournalQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Integer.MAX_VALUE, 0);
  }

  public JournalQuery from(LocalDate day) {
    return new JournalQuery(Optional.of(day), to, office, actor, service, verdict, limit, offset);
  }

  public JournalQuery to(LocalDate day) {
    return new JournalQuery(from, Optional.of(day), office, actor, service, verdict, limit, offset);
  }

  public JournalQuery office(String code) {
    return new JournalQuery(from, to, Optional.of(code), actor, service, verdict, limit, offset);
  }

  public JournalQuery actor(String name) {
    return new JournalQuery(from, to, office, Optional.of(name), service, verdict, limit, offset);
  }

  public JournalQuery service(String code) {
    return new JournalQuery(from, to, office, actor, Optional.of(code), verdict, limit, offset);
  }

  public JournalQuery verdict(String value) {
    return new JournalQuery(from, to, office, actor, service, Optional.of(value), limit, offset);
  }

  public JournalQuery page(int limit, int offset) {
    return new JournalQuery(from, to, office, actor, service, verdict, limit, offset);
  }

  /**
   * This query narrowed to what {@code account} may read: an admin everything, a supervisor their office, anyone
   * else their own checks in their office; empty if the account may read no journal at all.
   */
  public Optional<JournalQuery> visibleTo(Account account) {
    if (account.may(Permission.READ_ALL_JOURNAL)) {
      return Optional.of(this);
    }
    if (account.may(Permission.READ_OFFICE_JOURNAL)) {
      return Optional.of(narrowOffice(account.office()));
    }
    if (account.may(Permission.READ_OWN_JOURNAL)) {
      return Optional.of(narrowOffice(account.office()).narrowActor(account.name()));
    }
    return Optional.empty();
  }

  /** A filter on another office than one's own matches nothing rather than being widened. */
  private JournalQuery narrowOffice(String own) {
    return office.isPresent() && !office.get().equals(own) ? page(0, 0) : office(own);
  }

  private JournalQuery narrowActor(String own) {
    return actor.isPresent() && !actor.get().equals(own) ? page(0, 0) : actor(own);
  }
}
