package kz.talap.journal;

/**
 * The journal database cannot be reached, opened or written now (down, locked, full, read-only). The server answers
 * 503 and gives no verdict, since a check must be recorded before its answer is sent.
 */
public final class JournalUnavailable extends RuntimeException {
  public JournalUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
