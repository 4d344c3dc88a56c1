package io.entityflow.local;

import io.entityflow.privacy.forget.ForgetReceipt;
import io.entityflow.privacy.forget.JdbcForgetAuditLog;
import io.entityflow.privacy.forget.SubjectForgetter;
import io.entityflow.privacy.keys.JdbcSubjectKeyStore;
import io.entityflow.privacy.keys.PrivacySchema;
import io.entityflow.warehouse.local.LocalSubjectKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code entityflow forget --subject <id>} in local mode: crypto-shredding of one data subject.
 * Deletes the subject's keyset from the demo service's key store (its PostgreSQL, the running one
 * while the demo runs, else started for the command), writes the audit record there (who, when,
 * which subject, whether a key existed; never any data) and removes the subject's key rows from the
 * local warehouse's {@code entityflow.subject_key_v1}. Every copy of the subject's PII (history
 * tables, latest views, dead letters, replays) then stays ciphertext nobody can decrypt.
 *
 * <pre>{@code
 * LocalForget.Result result = LocalForget.forget(home, "c-7", "dpo@example.com", Clock.systemUTC());
 * }</pre>
 *
 * <p>Guarantees: the key store is changed before the warehouse, so a failure halfway leaves the
 * subject forgotten in the store (run the command again to finish the warehouse); forgetting a
 * subject twice, or one never seen, is recorded and changes nothing else. A running demo service
 * reads the audit table every {@code entityflow.privacy.cache.forget-poll-interval} (5 s) and drops
 * the forgotten key from its cache, and its republisher publishes the forget's SubjectKey DELETED
 * event (the audit row is unpublished until then), which lands in the warehouse as every event
 * does.
 */
final class LocalForget {
  /**
   * What a forget did.
   *
   * @param receipt the audit record
   * @param warehouseKeyRows key rows removed from the local warehouse
   */
  record Result(ForgetReceipt receipt, int warehouseKeyRows) {}

  private LocalForget() {}

  /**
   * {@code entityflow forget --subject <id> [--actor <who>]}: parses the arguments, forgets and
   * prints what was done.
   *
   * @return the exit code: 0 done, 2 bad usage
   */
  static int command(LocalHome home, List<String> args, PrintStream out, PrintStream err) {
    String subject = null;
    String actor = System.getProperty("user.name", "unknown") + "@local";
    for (int i = 0; i < args.size(); i += 2) {
      String option = args.get(i);
      if (i + 1 >= args.size() || !(option.equals("--subject") || option.equals("--actor"))) {
        err.println(
            "usage: entityflow forget --subject <subject id> [--actor <who asks, for the audit"
                + " record>]; got '"
                + option
                + "'");
        return 2;
      }
      if (option.equals("--subject")) {
        subject = args.get(i + 1);
      } else {
        actor = args.get(i + 1);
      }
    }
    if (subject == null || subject.isBlank()) {
      err.println(
          "usage: entityflow forget --subject <subject id> [--actor <who asks>]: --subject is"
              + " required (e.g. a customer id such as c-7)");
      return 2;
    }
    Result result = forget(home, subject, actor, Clock.systemUTC());
    out.println(
        "forgot subject '"
            + subject
            + "': "
            + (result.receipt().keyExisted()
                ? "its key is deleted from the demo service's key store"
                : "it had no key in the demo service's key store")
            + ", "
            + result.warehouseKeyRows()
            + (result.warehouseKeyRows() == 1 ? " key row" : " key rows")
            + " removed from entityflow.subject_key_v1; audit record at "
            + result.receipt().forgottenAt()
            + " by "
            + result.receipt().actor()
            + ". Its PII reads NULL in the _masked and _pii._decrypted views from now on.");
    return 0;
  }

  static Result forget(LocalHome home, String subjectId, String actor, Clock clock) {
    Optional<String> runningUrl = runningDatabaseUrl(home);
    ServiceDatabase started = null;
    String url;
    if (runningUrl.isPresent()) {
      url = runningUrl.get();
    } else {
      if (!Files.isDirectory(home.serviceDatabase())) {
        throw new IllegalStateException(
            "no demo service database at "
                + home.serviceDatabase()
                + ", so no subject has a key to forget; run ./entityflow demo first");
      }
      started = ServiceDatabase.start(home.serviceDatabase());
      url = started.jdbcUrl();
    }
    try {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setUrl(url);
      dataSource.setUser("postgres");
      PrivacySchema.migrate(dataSource);
      ForgetReceipt receipt =
          new SubjectForgetter(
                  new JdbcSubjectKeyStore(dataSource), new JdbcForgetAuditLog(dataSource), clock)
              .forget(subjectId, actor);
      int rows = LocalSubjectKeys.erase(home.warehouse(), subjectId);
      return new Result(receipt, rows);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot remove the key rows of subject '"
              + subjectId
              + "' from the local warehouse "
              + home.warehouse()
              + " (the key store already forgot it; run the command again): "
              + e.getMessage(),
          e);
    } finally {
      if (started != null) {
        started.close();
      }
    }
  }

  /** The URL the running demo's PostgreSQL wrote, if that server is still alive. */
  static Optional<String> runningDatabaseUrl(LocalHome home) {
    Path urlFile = home.serviceDatabaseUrl();
    Path pidFile = home.serviceDatabase().resolve("postmaster.pid");
    try {
      if (!Files.exists(urlFile) || !Files.exists(pidFile)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(pidFile);
      if (lines.isEmpty() || !lines.get(0).strip().matches("[0-9]+")) {
        return Optional.empty();
      }
      boolean alive =
          ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
              .map(ProcessHandle::isAlive)
              .orElse(false);
      return alive ? Optional.of(Files.readString(urlFile).strip()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + urlFile, e);
    }
  }
}
