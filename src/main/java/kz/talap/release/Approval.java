package kz.talap.release;

import java.time.Instant;

/**
 * A second editor's approval of a release, kept beside it in {@code approval.json} so the built files stay as they
 * were: the release id, the SHA-256 of the {@code manifest.json} approved, and who approved it when.
 */
public record Approval(String id, String manifestSha256, String approvedBy, Instant approvedAt) {
  /** The format name written into {@code approval.json}. */
  public static final String FORMAT = "talap-approval/1";
}
