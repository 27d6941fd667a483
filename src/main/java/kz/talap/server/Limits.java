package kz.talap.server;

import java.time.Duration;

/**
 * What one request may ask of the server; each limit is refused with a 4xx problem that names it.
 *
 * @param maxBody bytes of a request body, except a batch
 * @param maxBatchBody bytes of a batch body
 * @param maxBatch submissions in one batch
 * @param timeout how long a client may take to send its request (a slow body is refused with 408)
 */
public record Limits(long maxBody, long maxBatchBody, int maxBatch, Duration timeout) {
  /** The defaults of {@code talap serve}: 1 MiB, 16 MiB, 10,000 submissions, 10 seconds. */
  public static final Limits DEFAULT = new Limits(1 << 20, 16 << 20, 10_000, Duration.ofSeconds(10));
}
