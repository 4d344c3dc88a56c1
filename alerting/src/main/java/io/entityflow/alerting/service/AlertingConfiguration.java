package io.entityflow.alerting.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The service's configuration under {@value #PREFIX} (every key, default and meaning is listed in
 * the module README).
 *
 * <pre>{@code
 * ApplicationContext.run(Map.of("entityflow.alerting.warehouse", "local",
 *     "entityflow.alerting.local.root", "/data/warehouse"));
 * }</pre>
 */
@ConfigurationProperties(AlertingConfiguration.PREFIX)
public interface AlertingConfiguration {
  /** Prefix of every key. */
  String PREFIX = "entityflow.alerting";

  /** {@code local} (DuckDB over Parquet) or {@code bigquery}. Default {@code local}. */
  @Bindable(defaultValue = "local")
  String getWarehouse();

  /**
   * The company's contract: a binary descriptor set file ({@code protoc --include_imports
   * --descriptor_set_out}), a directory of {@code .proto} files or a git ref of the repository in
   * the working directory; unset means the contract on the classpath. Read once at start-up.
   */
  @Nullable
  String getContract();

  /** The YAML rules file; unset means the default rule for every entity x operation. */
  @Nullable
  String getRulesFile();

  /**
   * The JSON state file; empty keeps state in memory. Default {@code
   * .entityflow/alerting-state.json}.
   */
  @Bindable(defaultValue = ".entityflow/alerting-state.json")
  String getStateFile();

  /** Time between evaluations, in service-clock time; {@code PT0S} disables the schedule. */
  @Bindable(defaultValue = "PT1M")
  Duration getEvaluationInterval();

  /**
   * Least time between two evaluations when one is brought forward because a series is predicted to
   * become significantly silent before the next regular one (service-clock time). Default 5
   * seconds.
   */
  @Bindable(defaultValue = "PT5S")
  Duration getEvaluationMinGap();

  /** Clock speed-up factor (local mode); 1 is real time. */
  @Bindable(defaultValue = "1")
  double getClockSpeed();

  /** RFC 3339 instant the service clock starts at; unset means now. */
  @Nullable
  String getClockStart();

  /**
   * RFC 3339 real (wall-clock) instant at which the service clock reads {@code clock-start}; unset
   * means the service's start. Lets several processes share one compressed clock.
   */
  @Nullable
  String getClockAnchor();

  /** Watermark older than this raises one "ingestion down" alert. Default 15 minutes. */
  @Bindable(defaultValue = "PT15M")
  Duration getMaxWatermarkLag();

  /** Weeks of history the baseline's profile is estimated from. Default 8. */
  @Bindable(defaultValue = "8")
  int getBaselineWeeks();

  /** History a series needs before it is judged. Default 7 days. */
  @Bindable(defaultValue = "P7D")
  Duration getMinHistory();

  /** Most recent span left out of learning. Default 24 hours. */
  @Bindable(defaultValue = "PT24H")
  Duration getExcludeRecent();

  /** Bearer token for API mutations; unset disables mutations. */
  @Nullable
  String getApiToken();

  /** The ingestion-down alert's hysteresis against pipeline latency. */
  @ConfigurationProperties("ingestion-down")
  interface IngestionDown {
    /**
     * How long "ingestion down" must hold before it fires (the defaults' {@code pending-for} when
     * longer). Default 2 minutes.
     */
    @Bindable(defaultValue = "PT2M")
    Duration getPendingFor();

    /**
     * How long ingestion must stay back before a firing "ingestion down" resolves. Default 2 min.
     */
    @Bindable(defaultValue = "PT2M")
    Duration getResolveAfter();
  }

  /**
   * When a learned series counts as recovered ({@link io.entityflow.alerting.model.RecoveryTest}):
   * its incident resolves only then, so a trickle during an outage does not resolve it.
   */
  @ConfigurationProperties("recovery")
  interface Recovery {
    /** Smallest {@code P(X <= observed)} still consistent with the baseline. Default 0.01. */
    @Bindable(defaultValue = "0.01")
    double getAlpha();

    /** Expected events a recovery window needs before it is judged. Default 20. */
    @Bindable(defaultValue = "20")
    double getMinExpected();

    /** Shortest recovery window. Default 10 minutes. */
    @Bindable(defaultValue = "PT10M")
    Duration getMinDuration();

    /**
     * Longest recovery window, judged then even with fewer expected events (low-volume series).
     * Default 3 hours: long enough that one trickle event of a series of a few events an hour does
     * not pass it.
     */
    @Bindable(defaultValue = "PT3H")
    Duration getMaxDuration();
  }

  /** How incidents change and group. */
  @ConfigurationProperties("incidents")
  interface Incidents {
    /**
     * A new condition of a firing series (DROP to SILENCE, or back) replaces the current one, with
     * one UPDATED notification, once it held this long. Default 10 minutes.
     */
    @Bindable(defaultValue = "PT10M")
    Duration getUpdateAfter();

    /**
     * A series of the same domain starting to fire at most this long after an open incident started
     * joins it (UPDATED, no page). Default 15 minutes; PT0S disables grouping.
     */
    @Bindable(defaultValue = "PT15M")
    Duration getGroupingWindow();
  }

  /** Local warehouse settings. */
  @ConfigurationProperties("local")
  interface Local {
    /** Root of the local warehouse. Default {@code .entityflow/warehouse}. */
    @Bindable(defaultValue = ".entityflow/warehouse")
    String getRoot();
  }

  /** BigQuery settings. */
  @ConfigurationProperties("bigquery")
  interface BigQuerySettings {
    /** Project holding the datasets; required when {@code warehouse=bigquery}. */
    @Nullable
    String getProject();

    /**
     * Prefix of every dataset id, as given to the pipeline ({@code --datasetPrefix}) and Terraform
     * ({@code dataset_prefix}). Default empty.
     */
    @Bindable(defaultValue = "")
    String getDatasetPrefix();
  }
}
