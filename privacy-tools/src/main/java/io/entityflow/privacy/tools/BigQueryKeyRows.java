package io.entityflow.privacy.tools;

import com.google.cloud.NoCredentials;
import com.google.cloud.RetryOption;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics.QueryStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import io.entityflow.contract.bigquery.SubjectKeySweepSql;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * Deletes a forgotten subject's key rows from the deployed {@code
 * <prefix>entityflow.subject_key_v1} table at once, with the parameterized DML of {@link
 * SubjectKeySweepSql#forSubject}, instead of waiting for the hourly {@code subject_key_sweep}.
 *
 * <pre>{@code
 * BigQueryKeyRows rows = new BigQueryKeyRows("acme-data", "entityflow", Optional.empty());
 * long deleted = rows.delete("customer-42"); // the rows the DELETE affected
 * }</pre>
 *
 * <p>Guarantees: the subject id travels only as the STRING query parameter {@code @subject}, never
 * in the SQL text; the DELETED rows stay (the sweep needs them to catch late redeliveries); one
 * query job ({@code jobs.insert}) with the id {@code entityflow_forget_<uuid>}, waited for up to
 * {@value #WAIT_MINUTES} minutes; any failure throws naming the table and BigQuery's reason.
 */
public final class BigQueryKeyRows {
  /** How long to wait for the DELETE job. */
  static final int WAIT_MINUTES = 10;

  private final String project;
  // BigQuery's TIMESTAMP literal form, to the microsecond
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  private final String dataset;
  private final Optional<String> endpoint;

  /**
   * Deletes in {@code project.dataset.subject_key_v1}.
   *
   * @param endpoint the BigQuery API root ({@code http://...} talks without credentials, for a test
   *     endpoint on this machine); empty for Google's with the application default credentials
   */
  public BigQueryKeyRows(String project, String dataset, Optional<String> endpoint) {
    this.project = project;
    this.dataset = dataset;
    this.endpoint = endpoint;
  }

  /** The statement run, with the parameters {@code @subject} and {@code @forgotten_at}. */
  public String statement() {
    return SubjectKeySweepSql.forSubject(project, dataset);
  }

  /** The table the rows are deleted from, as BigQuery names it. */
  public String table() {
    return project + "." + dataset + ".subject_key_v1";
  }

  /**
   * Runs the DELETE of {@code subjectId}'s key rows that occurred up to {@code forgottenAt} (a key
   * the subject got after the forget stays).
   *
   * @return the number of rows it deleted
   * @throws ForgetStepException ({@link ForgetExit#BIGQUERY}) when the job could not run or failed
   */
  public long delete(String subjectId, Instant forgottenAt) {
    QueryJobConfiguration query =
        QueryJobConfiguration.newBuilder(statement())
            .setUseLegacySql(false)
            .setParameterMode("NAMED")
            .addNamedParameter("subject", QueryParameterValue.string(subjectId))
            .addNamedParameter(
                "forgotten_at", QueryParameterValue.timestamp(TIMESTAMP.format(forgottenAt)))
            .build();
    JobId jobId = JobId.of("entityflow_forget_" + UUID.randomUUID().toString().replace("-", ""));
    try {
      Job job = client().create(JobInfo.of(jobId, query));
      Job done =
          job.waitFor(
              RetryOption.initialRetryDelayDuration(Duration.ofSeconds(1)),
              RetryOption.totalTimeoutDuration(Duration.ofMinutes(WAIT_MINUTES)));
      if (done == null) {
        throw failed("the job " + jobId.getJob() + " no longer exists", null);
      }
      BigQueryError error = done.getStatus().getError();
      if (error != null) {
        throw failed(error.getReason() + ": " + error.getMessage(), null);
      }
      QueryStatistics statistics = done.getStatistics();
      Long affected = statistics == null ? null : statistics.getNumDmlAffectedRows();
      if (affected == null) {
        throw failed("the job " + jobId.getJob() + " reported no affected row count", null);
      }
      return affected;
    } catch (BigQueryException e) {
      throw failed(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed("interrupted while waiting for the job " + jobId.getJob(), e);
    }
  }

  private BigQuery client() {
    BigQueryOptions.Builder options = BigQueryOptions.newBuilder().setProjectId(project);
    endpoint.ifPresent(
        root -> {
          options.setHost(root);
          if (root.startsWith("http://")) {
            options.setCredentials(NoCredentials.getInstance());
          }
        });
    return options.build().getService();
  }

  private ForgetStepException failed(String reason, Throwable cause) {
    return new ForgetStepException(
        ForgetExit.BIGQUERY,
        "could not delete the key rows from BigQuery table " + table() + ": " + reason,
        cause);
  }
}
