package kz.talap.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kz.talap.account.Account;
import kz.talap.account.Account.Kind;
import kz.talap.account.Account.Role;
import kz.talap.account.AccountStore;

/** The tables {@code staff} and {@code api_clients}: accounts with the hashes of their password or token. */
final class AccountTable implements AccountStore {
  private final Journal journal;

  AccountTable(Journal journal) {
    this.journal = journal;
  }

  @Override
  public boolean addStaff(Account account, String passwordHash) {
    long now = System.currentTimeMillis();
    return update("INSERT INTO staff (name, role, office, password_hash, created_at, changed_at) "
        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING", account.name(), account.role().code(),
        account.office(), passwordHash, now, now) == 1;
  }

  @Override
  public boolean setPasswordHash(String name, String passwordHash) {
    return update("UPDATE staff SET password_hash = ?, changed_at = ? WHERE name = ?", passwordHash,
        System.currentTimeMillis(), name) == 1;
  }

  @Override
  public boolean disableStaff(String name) {
    return update("UPDATE staff SET disabled_at = COALESCE(disabled_at, ?) WHERE name = ?",
        System.currentTimeMillis(), name) == 1;
  }

  @Override
  public Optional<StoredStaff> staff(String name) {
    List<StoredStaff> found = staffWhere("WHERE name = ?", name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<Account> staff() {
    return staffWhere("").stream().map(StoredStaff::account).sorted(Comparator.comparing(Account::name)).toList();
  }

  @Override
  public boolean addClient(Account client, String tokenHash) {
    // A revoked client may be given a new token; one whose token is in force may not (revoke it first).
    return update("INSERT INTO api_clients (name, role, office, token_hash, created_at) VALUES (?, ?, ?, ?, ?) "
        + "ON CONFLICT (name) DO UPDATE SET role = excluded.role, office = excluded.office, "
        + "token_hash = excluded.token_hash, created_at = excluded.created_at, revoked_at = NULL "
        + "WHERE api_clients.revoked_at IS NOT NULL", client.name(), client.role().code(), client.office(),
        tokenHash, System.currentTimeMillis()) == 1;
  }

  @Override
  public boolean revokeClient(String name) {
    return update("UPDATE api_clients SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
        System.currentTimeMillis(), name) == 1;
  }

  @Override
  public Optional<Account> clientByTokenHash(String tokenHash) {
    List<Account> found = clientsWhere("WHERE token_hash = ?", tokenHash);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<Account> clients() {
    return clientsWhere("").stream().sorted(Comparator.comparing(Account::name)).toList();
  }

  private List<StoredStaff> staffWhere(String where, Object... values) {
    List<StoredStaff> found = new ArrayList<>();
    query("SELECT name, role, office, disabled_at, password_hash FROM staff " + where, values, row -> found.add(
        new StoredStaff(new Account(row.getString(1), Kind.STAFF, role(row.getString(2)), row.getString(3),
            row.getObject(4) != null), row.getString(5))));
    return found;
  }

  private List<Account> clientsWhere(String where, Object... values) {
    List<Account> found = new ArrayList<>();
    query("SELECT name, role, office, revoked_at FROM api_clients " + where, values, row -> found.add(
        new Account(row.getString(1), Kind.CLIENT, role(row.getString(2)), row.getString(3),
            row.getObject(4) != null)));
    return found;
  }

  private static Role role(String code) {
    return Role.parse(code).orElseThrow(() -> new IllegalStateException("unknown role '" + code + "' in the journal"));
  }

  private interface Row {
    void read(ResultSet row) throws SQLException;
  }

  private void query(String sql, Object[] values, Row each) {
    try (Connection c = journal.connection(); PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, values);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          each.read(rows);
        }
      }
    } catch (SQLException e) {
      throw journal.unavailable("read the accounts of", e);
    }
  }

  private int update(String sql, Object... values) {
    try (Connection c = journal.connection(); PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, values);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw journal.unavailable("change the accounts in", e);
    }
  }

  private static void bind(PreparedStatement s, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof Long l) {
        s.setLong(i + 1, l);
      } else {
        s.setString(i + 1, (String) values[i]);
      }
    }
  }
}
