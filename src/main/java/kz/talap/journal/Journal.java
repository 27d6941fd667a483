package kz.talap.journal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.talap.account.Account;
import kz.talap.account.AccountStore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The journal of checks and the accounts, in a SQLite file (the default, {@value #DEFAULT}) or a PostgreSQL database.
 * Opening it applies the migrations in {@code db/migration}. Thread-safe; close it once, at shutdown.
 */
public final class Journal implements AutoCloseable {
  /** Where the journal is kept when no {@code --db} is given. */
  public static final String DEFAULT = "data/talap.db";
  static final String COLUMNS = "id, recorded_at, day, office, actor_kind, actor, catalogue_version, release_hash, "
      + "service, subtype, verdict, due_date, submission, result, release_id, preview";

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final String name;
  private final int migrated;
  private final AccountTable accounts;

  private Journal(HikariDataSource pool, Dialect dialect, String name, int migrated) {
    this.pool = pool;
    this.dialect = dialect;
    this.name = name;
    this.migrated = migrated;
    this.accounts = new AccountTable(this);
  }

  /**
   * Opens the journal at {@code location} (a SQLite file path, or a {@code jdbc:sqlite:} or {@code jdbc:postgresql:}
   * URL) and brings its schema up to date.
   *
   * @throws IllegalArgumentException if the location is of another kind
   * @throws JournalUnavailable if the database cannot be reached or migrated
   */
  public static Journal open(String location) {
    String url = Dialect.url(location);
    Dialect dialect = Dialect.of(url);
    String name = Dialect.redact(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("talap-journal");
    // A database that is down fails a check within 5 s (the server answers 503) instead of hanging the request.
    config.setConnectionTimeout(5_000);
    config.setValidationTimeout(2_000);
    dialect.configure(config);
    HikariDataSource pool;
    try {
      Dialect.prepare(url);
      pool = new HikariDataSource(config);
    } catch (IOException | RuntimeException e) {
      throw new JournalUnavailable("cannot open the journal " + name + ": " + reason(e), e);
    }
    try {
      int migrated = Flyway.configure().dataSource(pool).locations("classpath:db/migration")
          .loggers("slf4j").load().migrate().migrationsExecuted;
      return new Journal(pool, dialect, name, migrated);
    } catch (FlywayException e) {
      pool.close();
      throw new JournalUnavailable("cannot bring the journal " + name + " up to date: " + reason(e), e);
    }
  }

  /** The database, as a URL without its password. */
  public String name() {
    return name;
  }

  /** How many migrations opening applied: all of them for a new database, none for one that is up to date. */
  public int migrated() {
    return migrated;
  }

  /** The accounts kept in this database. */
  public AccountStore accounts() {
    return accounts;
  }

  /**
   * Records a check and commits it before returning: call it before sending the answer. Returns false, recording
   * nothing, if a check with the same id is recorded already (a retry).
   *
   * @throws JournalUnavailable if it cannot be recorded; then send no verdict
   */
  public boolean record(CheckRecord check) {
    String sql = "INSERT INTO checks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        + "ON CONFLICT (id) DO NOTHING";
    try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, check.id());
      s.setLong(2, check.recordedAt().toEpochMilli());
      s.setString(3, check.day().toString());
      s.setString(4, check.office());
      s.setString(5, check.actorKind().name().toLowerCase(Locale.ROOT));
      s.setString(6, check.actor());
      s.setString(7, check.catalogueVersion());
      s.setString(8, check.releaseHash());
      s.setString(9, check.service());
      s.setString(10, check.subtype().orElse(null));
      s.setString(11, check.verdict());
      s.setString(12, check.due().map(LocalDate::toString).orElse(null));
      s.setString(13, check.submission());
      s.setString(14, check.result());
      s.setString(15, check.releaseId().orElse(null));
      s.setInt(16, check.preview() ? 1 : 0);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw unavailable("record check " + check.id() + " in", e);
    }
  }

  /** The check with this id. */
  public Optional<CheckRecord> get(String id) {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM checks WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw unavailable("read", e);
    }
  }

  /** The checks the query selects, oldest first. */
  public List<CheckRecord> find(JournalQuery query) {
    List<String> values = new ArrayList<>();
    String sql = "SELECT " + COLUMNS + " FROM checks" + where(query, values) + " ORDER BY recorded_at, "
        + dialect.byId() + " LIMIT ? OFFSET ?";
    try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      for (String value : values) {
        s.setString(i++, value);
      }
      s.setLong(i++, query.limit());
      s.setLong(i, query.offset());
      List<CheckRecord> found = new ArrayList<>();
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          found.add(read(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw unavailable("read", e);
    }
  }

  /** How many checks the query selects, whatever its limit and offset (for "page 2 of 7"). */
  public long count(JournalQuery query) {
    List<String> values = new ArrayList<>();
    String sql = "SELECT COUNT(*) FROM checks" + where(query, values);
    try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        s.setString(i + 1, values.get(i));
      }
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw unavailable("read", e);
    }
  }

  /** The WHERE clause of a query; its values are added to {@code values} in order. */
  private static String where(JournalQuery query, List<String> values) {
    StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
    query.from().ifPresent(d -> where(sql, values, "day >= ?", d.toString()));
    query.to().ifPresent(d -> where(sql, values, "day <= ?", d.toString()));
    query.office().ifPresent(o -> where(sql, values, "office = ?", o));
    query.actor().ifPresent(a -> where(sql, values, "actor = ?", a));
    query.service().ifPresent(v -> where(sql, values, "service = ?", v));
    query.verdict().ifPresent(v -> where(sql, values, "verdict = ?", v));
    return sql.toString();
  }

  private static void where(StringBuilder sql, List<String> values, String condition, String value) {
    sql.append(" AND ").append(condition);
    values.add(value);
  }

  private static CheckRecord read(ResultSet row) throws SQLException {
    return new CheckRecord(row.getString(1), Instant.ofEpochMilli(row.getLong(2)), row.getString(4),
        Account.Kind.valueOf(row.getString(5).toUpperCase(Locale.ROOT)), row.getString(6), row.getString(7),
        row.getString(8), row.getString(9), Optional.ofNullable(row.getString(10)), row.getString(11),
        Optional.ofNullable(row.getString(12)).map(LocalDate::parse), row.getString(13), row.getString(14),
        Optional.ofNullable(row.getString(15)), row.getInt(16) == 1);
  }

  Connection connection() throws SQLException {
    return pool.getConnection();
  }

  JournalUnavailable unavailable(String doing, SQLException e) {
    return new JournalUnavailable("cannot " + doing + " the journal " + name + ": " + reason(e), e);
  }

  /** The first line of the deepest message, which names the actual problem (refused connection, locked file, …). */
  static String reason(Throwable e) {
    Throwable deepest = e;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }

  @Override
  public void close() {
    pool.close();
  }
}
