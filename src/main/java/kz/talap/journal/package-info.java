/**
 * The journal: every check made at the counter or through the API, and the staff and API-client accounts, in SQLite
 * or PostgreSQL — the only JDBC and migration code of talap.
 *
 * <p>How the server uses it:
 *
 * <pre>{@code
 * Journal journal = Journal.open(db);                    // at start; JournalUnavailable if it cannot be reached
 * Accounts accounts = new Accounts(journal.accounts());  // kz.talap.account
 *
 * // a check: record before answering; a retry with the same id is recorded once (record returns false)
 * String answer = JournalJson.result(id, result, release.version());
 * journal.record(CheckRecord.of(id, Instant.now(), account, release.version(), release.hash(), result,
 *     submissionText, answer));                          // JournalUnavailable -> 503, and no verdict
 *
 * // the journal page
 * Optional<JournalQuery> visible = JournalQuery.all().from(day).to(day).page(50, 0).visibleTo(account);
 * List<CheckRecord> page = journal.find(visible.get()); long total = journal.count(visible.get());
 * }</pre>
 */
package kz.talap.journal;
