package io.entityflow.pipelines.bigquery;

import com.google.api.gax.rpc.ApiException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.io.Serializable;
import java.util.Set;

/**
 * How {@link WriteStorageRows} retries an AppendRows request that failed as a whole: at most {@code
 * maxAttempts} attempts, waiting {@code initialBackoffMillis} before the second, twice as long
 * before each next one, never more than {@link #MAX_BACKOFF_MILLIS}. Errors whose gRPC code says a
 * retry cannot help ({@link #PERMANENT}) are not retried.
 *
 * <pre>{@code
 * AppendRetries retries = new AppendRetries(6, 1_000);
 * retries.backoffMillis(3);   // 4000: the wait after the third failed attempt
 * }</pre>
 *
 * @param maxAttempts attempts per request, the first included (1 to {@link #MAX_ATTEMPTS})
 * @param initialBackoffMillis the wait after the first failed attempt (1 to {@link
 *     #MAX_BACKOFF_MILLIS})
 */
record AppendRetries(int maxAttempts, long initialBackoffMillis) implements Serializable {
  /** The most attempts per request allowed. */
  static final int MAX_ATTEMPTS = 20;

  /** The longest wait between two attempts: 30 s. */
  static final long MAX_BACKOFF_MILLIS = 30_000;

  /** The default: 6 attempts, 1 s then 2, 4, 8 and 16 s between them (31 s in all). */
  static final AppendRetries DEFAULT = new AppendRetries(6, 1_000);

  /**
   * Codes of errors that come back on every retry of the same request (a missing table or stream, a
   * schema the table refuses, no permission): the bundle fails at once and the runner retries it,
   * instead of waiting out the backoff.
   */
  static final Set<Status.Code> PERMANENT =
      Set.of(
          Status.Code.INVALID_ARGUMENT,
          Status.Code.NOT_FOUND,
          Status.Code.ALREADY_EXISTS,
          Status.Code.PERMISSION_DENIED,
          Status.Code.UNAUTHENTICATED,
          Status.Code.FAILED_PRECONDITION,
          Status.Code.OUT_OF_RANGE,
          Status.Code.UNIMPLEMENTED);

  AppendRetries {
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
      throw new IllegalArgumentException(
          "max attempts "
              + maxAttempts
              + " is out of range; allowed: 1 to "
              + MAX_ATTEMPTS
              + " attempts per AppendRows request");
    }
    if (initialBackoffMillis < 1 || initialBackoffMillis > MAX_BACKOFF_MILLIS) {
      throw new IllegalArgumentException(
          "initial backoff of "
              + initialBackoffMillis
              + " ms is out of range; allowed: 1 to "
              + MAX_BACKOFF_MILLIS
              + " ms");
    }
  }

  /** The wait after failed attempt {@code attempt} (1 for the first). */
  long backoffMillis(int attempt) {
    long wait = initialBackoffMillis;
    for (int i = 1; i < attempt && wait < MAX_BACKOFF_MILLIS; i++) {
      wait *= 2;
    }
    return Math.min(wait, MAX_BACKOFF_MILLIS);
  }

  /**
   * The gRPC code of an append's error: of the {@code StatusRuntimeException} the Storage Write API
   * client fails with, of a gax {@link ApiException}, or {@code UNKNOWN}.
   */
  static Status.Code codeOf(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApiException api) {
        return Status.Code.valueOf(api.getStatusCode().getCode().name());
      }
      if (cause instanceof StatusRuntimeException || cause instanceof StatusException) {
        return Status.fromThrowable(cause).getCode();
      }
    }
    return Status.Code.UNKNOWN;
  }

  /** Whether an error of this code may go away on a retry. */
  static boolean retriable(Status.Code code) {
    return !PERMANENT.contains(code);
  }
}
