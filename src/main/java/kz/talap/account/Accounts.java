package kz.talap.account;

import java.util.List;
import java.util.Optional;
import kz.talap.account.Account.Kind;
import kz.talap.account.Account.Role;

/**
 * Staff accounts and API clients: adds and changes them with their passwords hashed (Argon2id) and their tokens
 * hashed (SHA-256), and verifies a login or a token. Neither a password nor a token is kept or logged in clear.
 */
public final class Accounts {
  /** Shorter passwords are refused; longer than the maximum too, so that hashing cannot be made expensive. */
  public static final int MIN_PASSWORD = 10;
  public static final int MAX_PASSWORD = 256;

  private final AccountStore store;

  public Accounts(AccountStore store) {
    this.store = store;
  }

  /** A request that cannot be done; the message says why in plain words. */
  public static final class Problem extends Exception {
    public Problem(String message) {
      super(message);
    }
  }

  /** Adds a member of staff. */
  public Account addStaff(String name, Role role, String office, char[] password) throws Problem {
    Account account = new Account(checkName(name), Kind.STAFF, role, checkOffice(office), false);
    String hash = Secrets.hash(checkPassword(password));
    if (!store.addStaff(account, hash)) {
      throw new Problem("there is already an account named '" + name + "'");
    }
    return account;
  }

  /** Sets a new password for a member of staff. */
  public void changePassword(String name, char[] password) throws Problem {
    String hash = Secrets.hash(checkPassword(password));
    if (!store.setPasswordHash(name, hash)) {
      throw new Problem("no account named '" + name + "'");
    }
  }

  /** Disables a member of staff: they can no longer log in; their journal entries stay. */
  public void disable(String name) throws Problem {
    if (!store.disableStaff(name)) {
      throw new Problem("no account named '" + name + "'");
    }
  }

  /**
   * The member of staff as the database has them now, disabled or not: the server checks it on each request, so
   * that {@code talap user disable} or a changed role takes effect in sessions that are already open.
   */
  public Optional<Account> staff(String name) {
    return store.staff(name).map(AccountStore.StoredStaff::account);
  }

  /** Every member of staff, sorted by name. */
  public List<Account> staff() {
    return store.staff();
  }

  /** Whether an enabled admin exists: the server refuses to listen beyond 127.0.0.1 without one. */
  public boolean hasAdmin() {
    return store.staff().stream().anyMatch(a -> a.role() == Role.ADMIN && !a.disabled());
  }

  /**
   * The enabled member of staff with this name and password, or empty. Takes as long for an unknown name as for a
   * wrong password. Rate limiting is the caller's: see {@link LoginLimiter}.
   */
  public Optional<Account> login(String name, char[] password) {
    if (password.length > MAX_PASSWORD) {
      return Optional.empty();
    }
    Optional<AccountStore.StoredStaff> stored = store.staff(name);
    if (stored.isEmpty()) {
      Secrets.decoy(password);
      return Optional.empty();
    }
    boolean matches = Secrets.matches(password, stored.get().passwordHash());
    Account account = stored.get().account();
    return matches && !account.disabled() ? Optional.of(account) : Optional.empty();
  }

  /** Adds an API client and returns its token, which is shown this once and stored only as a hash. */
  public String addClient(String name, Role role, String office) throws Problem {
    Account client = new Account(checkName(name), Kind.CLIENT, role, checkOffice(office), false);
    String token = Secrets.newToken();
    if (!store.addClient(client, Secrets.tokenHash(token))) {
      throw new Problem("the API client '" + name + "' already has a token; revoke it first");
    }
    return token;
  }

  /** Revokes an API client's token. */
  public void revokeClient(String name) throws Problem {
    if (!store.revokeClient(name)) {
      throw new Problem("no API client named '" + name + "' with a token in force");
    }
  }

  /** Every API client, sorted by name; a revoked one is disabled. */
  public List<Account> clients() {
    return store.clients();
  }

  /** The API client a bearer token belongs to, if the token is in force. */
  public Optional<Account> authenticate(String token) {
    if (token == null || !token.startsWith(Secrets.TOKEN_PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    return store.clientByTokenHash(Secrets.tokenHash(token)).filter(c -> !c.disabled());
  }

  private static String checkName(String name) throws Problem {
    if (name == null || !Account.NAME.matcher(name).matches()) {
      throw new Problem("bad account name '" + name + "': use 1 to 64 lower-case letters, digits, '.', '-' or '_'");
    }
    return name;
  }

  private static String checkOffice(String office) throws Problem {
    if (office == null || !Account.OFFICE.matcher(office).matches()) {
      throw new Problem("bad office code '" + office + "': use 1 to 64 letters, digits, '.', '-' or '_'");
    }
    return office;
  }

  private static char[] checkPassword(char[] password) throws Problem {
    if (password.length < MIN_PASSWORD) {
      throw new Problem("the password is too short: at least " + MIN_PASSWORD + " characters");
    }
    if (password.length > MAX_PASSWORD) {
      throw new Problem("the password is too long: at most " + MAX_PASSWORD + " characters");
    }
    return password;
  }
}
