package io.entityflow.privacy.tools;

/**
 * The exit codes of {@code entityflow forget} against a deployed environment, each with what it
 * means for the subject.
 *
 * <pre>{@code
 * System.exit(ForgetExit.NOT_PUBLISHED.code()); // 4
 * }</pre>
 *
 * <p>Guarantees: the codes never change meaning; a higher step's failure never hides a lower one
 * (the smallest failing step's code wins).
 */
public enum ForgetExit {
  /** 0: key deleted (or there was none), audit written, event published, BigQuery rows deleted. */
  DONE(0, "done: the subject is forgotten everywhere this command reaches"),
  /** 1: an unexpected error; the message says how far the command got. */
  FAILED(1, "unexpected error (the message says which steps ran)"),
  /** 2: refused before anything was read or changed (usage, credentials, URLs, names). */
  REFUSED(2, "refused before anything was read or changed: bad usage or a missing credential"),
  /** 3: the key store could not be used; the key may still exist. */
  KEY_STORE(3, "the key store failed: the key may still exist; run the same command again"),
  /** 4: the key is deleted and audited, but SubjectKey DELETED was not published. */
  NOT_PUBLISHED(
      4,
      "the key is deleted and audited, but the SubjectKey DELETED event was not published;"
          + " run the same command again to republish it"),
  /** 5: key deleted, audited and published, but the BigQuery key rows were not deleted. */
  BIGQUERY(
      5,
      "the key is deleted, audited and published, but the BigQuery key rows were not deleted;"
          + " run the same command again (or wait for the hourly subject_key_sweep)");

  private final int code;
  private final String meaning;

  ForgetExit(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The process exit code. */
  public int code() {
    return code;
  }

  /** What the code means, for the usage text. */
  public String meaning() {
    return meaning;
  }
}
