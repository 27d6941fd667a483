package kz.talap.account;

import java.util.List;
import java.util.Optional;

/**
 * Where accounts are kept: staff with their password hash, API clients with their token hash. Implemented by the
 * journal database; it never sees a password or a token in clear.
 */
public interface AccountStore {
  /** A member of staff with the hash of their password. */
  record StoredStaff(Account account, String passwordHash) {}

  /** Adds a member of staff; false if the name is taken. */
  boolean addStaff(Account account, String passwordHash);

  /** Replaces the password hash; false if there is no such member of staff. */
  boolean setPasswordHash(String name, String passwordHash);

  /** Disables a member of staff; false if there is no such member of staff. */
  boolean disableStaff(String name);

  Optional<StoredStaff> staff(String name);

  /** Every member of staff, sorted by name. */
  List<Account> staff();

  /** Adds an API client with the hash of its token; false if a client of that name has a token that is not revoked. */
  boolean addClient(Account client, String tokenHash);

  /** Revokes a client's token; false if there is no such client or it is revoked already. */
  boolean revokeClient(String name);

  /** The client whose token has this hash, revoked or not. */
  Optional<Account> clientByTokenHash(String tokenHash);

  /** Every API client, sorted by name; a revoked one is disabled. */
  List<Account> clients();
}
