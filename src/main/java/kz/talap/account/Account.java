package kz.talap.account;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Someone who may use the server: a member of staff who logs in with a password, or an API client that sends a token.
 * Either has one role and belongs to one office.
 */
public record Account(String name, Kind kind, Role role, String office, boolean disabled) {
  /** Account names and office codes: lower-case letters, digits, dot, dash and underscore; they appear in logs. */
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  static final Pattern OFFICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Whether the account is a person at a counter or a program calling the API. */
  public enum Kind { STAFF, CLIENT }

  /** What an account may do. */
  public enum Permission {
    /** Check a submission (counter page and {@code POST /api/v1/check}). */
    CHECK,
    /** Read the journal entries the account itself made. */
    READ_OWN_JOURNAL,
    /** Read every journal entry of the account's office. */
    READ_OFFICE_JOURNAL,
    /** Read the journal of every office. */
    READ_ALL_JOURNAL,
    /** Reload the catalogue and see its diagnostics. */
    RELOAD_CATALOGUE,
    /** Add, change and disable accounts and API tokens. */
    MANAGE_ACCOUNTS
  }

  /** The roles of issue 13: clerk, supervisor, editor and admin. */
  public enum Role {
    CLERK(EnumSet.of(Permission.CHECK, Permission.READ_OWN_JOURNAL)),
    SUPERVISOR(EnumSet.of(Permission.CHECK, Permission.READ_OWN_JOURNAL, Permission.READ_OFFICE_JOURNAL)),
    EDITOR(EnumSet.of(Permission.CHECK, Permission.READ_OWN_JOURNAL, Permission.RELOAD_CATALOGUE)),
    ADMIN(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
      this.permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission permission) {
      return permissions.contains(permission);
    }

    /** The lower-case name used on the command line and in the database. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String code) {
      for (Role role : values()) {
        if (role.code().equals(code)) {
          return Optional.of(role);
        }
      }
      return Optional.empty();
    }
  }

  /** Whether this account is enabled and its role allows {@code permission}. */
  public boolean may(Permission permission) {
    return !disabled && role.may(permission);
  }
}
