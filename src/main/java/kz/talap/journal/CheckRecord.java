package kz.talap.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.talap.account.Account;
import kz.talap.check.CheckResult;

/**
 * One check in the journal: when and where it was made and by whom, on which release of the catalogue, the
 * submission as received and the result as answered ({@code talap-check/1}, one result).
 *
 * @param id the check id, unique: a retry with the same id is recorded once
 * @param verdict {@code complete} or {@code incomplete}
 * @param releaseId the release served ({@code talap release}), or {@code preview-<hash>} for the working copy; empty
 *     for checks recorded before releases existed
 * @param preview whether the working copy was served as a preview rather than an approved release
 */
public record CheckRecord(String id, Instant recordedAt, String office, Account.Kind actorKind, String actor,
    String catalogueVersion, String releaseHash, String service, Optional<String> subtype, String verdict,
    Optional<LocalDate> due, String submission, String result, Optional<String> releaseId, boolean preview) {
  /** Kazakhstan has used one time zone, UTC+5, since 1 March 2024; the journal's days are days there. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
  /** Check ids: letters, digits and {@code . _ : -}, starting with a letter or digit, so they are safe in CSV. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

  public CheckRecord {
    for (Object part : new Object[] {recordedAt, office, actorKind, actor, catalogueVersion, releaseHash, service,
        subtype, verdict, due, submission, result, releaseId}) {
      java.util.Objects.requireNonNull(part, "every part of a check record is required");
    }
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("bad check id '" + id + "': use 1 to 100 letters, digits, '.', '_', ':' "
          + "or '-', starting with a letter or digit");
    }
    // The journal keeps milliseconds; truncating here makes a record equal to itself read back.
    recordedAt = Instant.ofEpochMilli(recordedAt.toEpochMilli());
  }

  /** A check without a release id (recorded before releases existed). */
  public CheckRecord(String id, Instant recordedAt, String office, Account.Kind actorKind, String actor,
      String catalogueVersion, String releaseHash, String service, Optional<String> subtype, String verdict,
      Optional<LocalDate> due, String submission, String result) {
    this(id, recordedAt, office, actorKind, actor, catalogueVersion, releaseHash, service, subtype, verdict, due,
        submission, result, Optional.empty(), false);
  }

  /** This check made on release {@code id} (or {@code preview-<hash>} with {@code preview} set). */
  public CheckRecord on(String id, boolean preview) {
    return new CheckRecord(this.id, recordedAt, office, actorKind, actor, catalogueVersion, releaseHash, service,
        subtype, verdict, due, submission, result, Optional.of(id), preview);
  }

  /** "2026-11-21-1", "preview-… (preview, not an approved release)", or "-" for a check from before releases. */
  public String releaseLine() {
    return releaseId.map(r -> preview ? r + " (preview, not an approved release)" : r).orElse("-");
  }

  /**
   * The record of a check that {@code actor} made just now: service, sub-type, verdict and due date are taken from
   * the result; {@code submission} is the JSON as received, {@code result} the {@code talap-check/1} document
   * answered (see {@code kz.talap.json.JournalJson#result}).
   */
  public static CheckRecord of(String id, Instant at, Account actor, String catalogueVersion, String releaseHash,
      CheckResult checked, String submission, String result) {
    return new CheckRecord(id, at, actor.office(), actor.kind(), actor.name(), catalogueVersion, releaseHash,
        checked.submission().service(), checked.submission().subtype(),
        checked.verdict().name().toLowerCase(Locale.ROOT), checked.due().map(d -> d.due()), submission, result);
  }

  /**
   * Whether {@code account} may open this check: an admin any, a supervisor those of their office, anyone else their
   * own (the same rule as {@link JournalQuery#visibleTo}).
   */
  public boolean visibleTo(Account account) {
    if (account.may(Account.Permission.READ_ALL_JOURNAL)) {
      return true;
    }
    if (account.may(Account.Permission.READ_OFFICE_JOURNAL)) {
      return office.equals(account.office());
    }
    return account.may(Account.Permission.READ_OWN_JOURNAL) && office.equals(account.office())
        && actor.equals(account.name());
  }

  /** The day of the check in Kazakhstan. */
  public LocalDate day() {
    return recordedAt.atZone(ZONE).toLocalDate();
  }
}
