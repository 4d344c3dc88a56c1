package io.entityflow.privacy.tools;

import io.entityflow.privacy.forget.ForgetReceipt;
import io.entityflow.privacy.forget.JdbcForgetAuditLog;
import io.entityflow.privacy.forget.SubjectForgetter;
import io.entityflow.privacy.keys.JdbcSubjectKeyStore;
import io.entityflow.publisher.PublishReceipt;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code entityflow forget} against a deployed environment: forgets one data subject
 * (crypto-shredding) in the key store, on Pub/Sub and in BigQuery, and prints a receipt.
 *
 * <pre>{@code
 * ENTITYFLOW_KEY_STORE_USER=forget ENTITYFLOW_KEY_STORE_PASSWORD=... \
 * ./entityflow forget --subject customer-42 --actor dpo:ticket-1234 \
 *   --key-store jdbc:postgresql://10.0.0.5:5432/checkout --project acme-prod \
 *   --bigquery-project acme-data [--dataset-prefix prod_] [--dry-run]
 * }</pre>
 *
 * <p>Steps, in this order: (1) delete the subject's key from the key store and write the audit
 * record ({@link SubjectForgetter} on {@link JdbcSubjectKeyStore} and {@link JdbcForgetAuditLog});
 * (2) publish SubjectKey DELETED and wait for Pub/Sub's acknowledgement ({@link
 * SubjectKeyDeletion}); (3) with {@code --bigquery-project}, delete the subject's key rows from
 * BigQuery ({@link BigQueryKeyRows}). Step 3 runs even when step 2 failed (fewer readable copies);
 * nothing runs after a failed step 1. {@code --dry-run} reads the key store and changes nothing.
 *
 * <p>Guarantees: every failure names what failed and what was already done, and exits with the code
 * of the first failed step ({@link ForgetExit}); running the same command again repeats every step
 * (the key store then records another forget with key existed false). Prints no credential and no
 * key material.
 */
public final class ForgetCli {
  /** Environment variable of the Pub/Sub emulator ({@code host:port}), as the clients read it. */
  public static final String EMULATOR_ENV = "PUBSUB_EMULATOR_HOST";

  private final Map<String, String> environment;
  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;

  /** A command reading {@code environment} and printing to {@code out} and {@code err}. */
  public ForgetCli(Map<String, String> environment, PrintStream out, PrintStream err, Clock clock) {
    this.environment = Map.copyOf(environment);
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  /** Entry point: the arguments after {@code forget}. */
  public static void main(String[] args) {
    int code =
        new ForgetCli(System.getenv(), System.out, System.err, Clock.systemUTC())
            .run(Arrays.asList(args));
    System.exit(code);
  }

  /** The usage text, with the exit codes. */
  public static String usage() {
    StringBuilder text = new StringBuilder(ForgetArguments.USAGE).append('\n');
    text.append("credentials: ")
        .append(KeyStoreAccess.USER_ENV)
        .append(" and ")
        .append(KeyStoreAccess.PASSWORD_ENV)
        .append(" (key store); Google application default credentials (Pub/Sub, BigQuery)\n");
    text.append("exit codes:\n");
    for (ForgetExit exit : ForgetExit.values()) {
      text.append("  ").append(exit.code()).append("  ").append(exit.meaning()).append('\n');
    }
    return text.toString();
  }

  /** Runs the command; returns the exit code. */
  public int run(List<String> args) {
    if (args.contains("--help") || args.contains("-h")) {
      out.print(usage());
      return ForgetExit.DONE.code();
    }
    try {
      ForgetArguments arguments = ForgetArguments.parse(args);
      DataSource keyStore = KeyStoreAccess.open(arguments.keyStoreUrl(), environment);
      SubjectKeyDeletion deletion =
          new SubjectKeyDeletion(arguments.project(), environment.get(EMULATOR_ENV));
      Optional<BigQueryKeyRows> bigQuery =
          arguments
              .bigQueryProject()
              .map(
                  p ->
                      new BigQueryKeyRows(
                          p, arguments.systemDataset(), arguments.bigQueryEndpoint()));
      if (arguments.dryRun()) {
        return dryRun(arguments, keyStore, deletion, bigQuery);
      }
      return forget(arguments, keyStore, deletion, bigQuery);
    } catch (ForgetRefusedException e) {
      err.println("entityflow forget: " + e.getMessage());
      return ForgetExit.REFUSED.code();
    } catch (ForgetStepException e) {
      err.println("entityflow forget: " + e.getMessage());
      return e.exit().code();
    } catch (RuntimeException e) {
      err.println("entityflow forget: unexpected error: " + e);
      return ForgetExit.FAILED.code();
    }
  }

  private int forget(
      ForgetArguments arguments,
      DataSource keyStore,
      SubjectKeyDeletion deletion,
      Optional<BigQueryKeyRows> bigQuery) {
    String subject = arguments.subject();
    ForgetReceipt receipt;
    JdbcForgetAuditLog auditLog = new JdbcForgetAuditLog(keyStore);
    try {
      receipt =
          new SubjectForgetter(new JdbcSubjectKeyStore(keyStore), auditLog, clock)
              .forget(subject, arguments.actor());
    } catch (RuntimeException e) {
      throw new ForgetStepException(
          ForgetExit.KEY_STORE,
          "could not forget subject '"
              + subject
              + "' in the key store at "
              + arguments.keyStoreUrl()
              + ": "
              + e.getMessage()
              + "; nothing was published and BigQuery was not changed; run the same command"
              + " again",
          e);
    }
    Optional<PublishReceipt> published = Optional.empty();
    ForgetStepException publishFailure = null;
    try {
      published = Optional.of(deletion.publish(subject, receipt.forgottenAt()));
      // the services' republishers need not send it again (same event id if they did)
      auditLog.markPublished(subject, receipt.forgottenAt(), clock.instant());
    } catch (ForgetStepException e) {
      publishFailure = e;
    }
    Optional<Long> rows = Optional.empty();
    ForgetStepException bigQueryFailure = null;
    if (bigQuery.isPresent()) {
      try {
        rows = Optional.of(bigQuery.get().delete(subject, receipt.forgottenAt()));
      } catch (ForgetStepException e) {
        bigQueryFailure = e;
      }
    }
    ForgetReport report =
        new ForgetReport(
            receipt, published, deletion.topic(), rows, bigQuery.map(BigQueryKeyRows::table));
    report.lines().forEach(out::println);
    if (publishFailure != null) {
      err.println(
          "entityflow forget: "
              + publishFailure.getMessage()
              + ". The key was already deleted from the key store (key existed: "
              + receipt.keyExisted()
              + ") and the forget is in the audit log; the warehouse keeps the subject's key"
              + " rows readable until a SubjectKey DELETED event lands. To republish it, run the"
              + " same command again once the topic can be reached (the audit log then gets"
              + " another entry with key existed: false).");
    }
    if (bigQueryFailure != null) {
      err.println(
          "entityflow forget: "
              + bigQueryFailure.getMessage()
              + ". Run the same command again, or let the hourly subject_key_sweep delete them"
              + " once the DELETED event is in the table.");
    }
    if (publishFailure != null) {
      return publishFailure.exit().code();
    }
    return bigQueryFailure != null ? bigQueryFailure.exit().code() : ForgetExit.DONE.code();
  }

  private int dryRun(
      ForgetArguments arguments,
      DataSource keyStore,
      SubjectKeyDeletion deletion,
      Optional<BigQueryKeyRows> bigQuery) {
    boolean hasKey;
    try {
      hasKey = new JdbcSubjectKeyStore(keyStore).find(arguments.subject()).isPresent();
    } catch (RuntimeException e) {
      throw new ForgetStepException(
          ForgetExit.KEY_STORE,
          "cannot read the key store at " + arguments.keyStoreUrl() + ": " + e.getMessage(),
          e);
    }
    out.println("dry run for subject '" + arguments.subject() + "': nothing was changed");
    out.println(ForgetReport.line("actor", arguments.actor()));
    out.println(
        ForgetReport.line(
            "key in key store",
            hasKey
                ? "yes: it would be deleted and the forget audited"
                : "no: the forget would be audited with key existed false"));
    out.println(
        ForgetReport.line("SubjectKey DELETED", "would be published to " + deletion.topic()));
    out.println(
        ForgetReport.line(
            "BigQuery key rows",
            bigQuery
                .map(
                    rows ->
                        "would be deleted with "
                            + rows.statement().replace('\n', ' ')
                            + " (@subject = '"
                            + arguments.subject()
                            + "', @forgotten_at = the forget's time)")
                .orElse("not asked (no --bigquery-project)")));
    return ForgetExit.DONE.code();
  }
}
