package io.entityflow.alerting.service;

import com.google.cloud.bigquery.BigQueryOptions;
import io.entityflow.alerting.evaluation.Evaluator;
import io.entityflow.alerting.model.BaselineSettings;
import io.entityflow.alerting.model.RecoveryTest;
import io.entityflow.alerting.notify.ConsoleChannel;
import io.entityflow.alerting.notify.EmailChannel;
import io.entityflow.alerting.notify.HttpJsonPoster;
import io.entityflow.alerting.notify.NotificationChannel;
import io.entityflow.alerting.notify.NotificationDispatcher;
import io.entityflow.alerting.notify.PagerDutyChannel;
import io.entityflow.alerting.notify.SlackChannel;
import io.entityflow.alerting.notify.WebhookChannel;
import io.entityflow.alerting.notify.WebhookLogFileChannel;
import io.entityflow.alerting.rules.RuleSet;
import io.entityflow.alerting.rules.RulesFileParser;
import io.entityflow.alerting.state.AlertLifecycle;
import io.entityflow.alerting.state.LifecycleSettings;
import io.entityflow.alerting.state.StateStore;
import io.entityflow.alerting.warehouse.BigQueryEventCountSource;
import io.entityflow.alerting.warehouse.EventCountSource;
import io.entityflow.alerting.warehouse.LocalEventCountSource;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.contract.source.ContractLoader;
import io.entityflow.contract.source.ContractUnreadableException;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the service's beans from {@link AlertingConfiguration} and {@link NotifyConfiguration}.
 * Every bean can be replaced by declaring one of the same type (tests replace the clock and the
 * registry).
 *
 * <pre>{@code
 * try (ApplicationContext ctx = ApplicationContext.run(Map.of("entityflow.alerting.local.root", dir))) {
 *   ctx.getBean(AlertingService.class).evaluateNow();
 * }
 * }</pre>
 */
@Factory
public class AlertingFactory {

  /** The service clock: system UTC, optionally started elsewhere and sped up. */
  @Singleton
  @Named("alerting")
  Clock alertingClock(AlertingConfiguration config) {
    Clock system = Clock.systemUTC();
    if (config.getClockStart() == null && config.getClockSpeed() == 1.0) {
      return system;
    }
    Instant start;
    try {
      start =
          config.getClockStart() == null ? system.instant() : Instant.parse(config.getClockStart());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          AlertingConfiguration.PREFIX
              + ".clock-start must be an RFC 3339 UTC instant such as 2026-01-05T08:00:00Z, got '"
              + config.getClockStart()
              + "'",
          e);
    }
    Instant anchor;
    try {
      anchor =
          config.getClockAnchor() == null
              ? system.instant()
              : Instant.parse(config.getClockAnchor());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          AlertingConfiguration.PREFIX
              + ".clock-anchor must be an RFC 3339 UTC instant such as 2026-01-05T08:00:00Z, got '"
              + config.getClockAnchor()
              + "'",
          e);
    }
    return new ScaledClock(system, anchor, start, config.getClockSpeed());
  }

  /**
   * The contract registry: {@code entityflow.alerting.contract}, else the classpath's. Created at
   * start-up, so a contract that cannot be read stops the service with the reason.
   */
  @Context
  EntityRegistry entityRegistry(AlertingConfiguration config) {
    try {
      return ContractLoader.registry(config.getContract());
    } catch (ContractUnreadableException e) {
      throw new IllegalArgumentException(
          AlertingConfiguration.PREFIX
              + ".contract '"
              + config.getContract()
              + "' cannot be loaded: "
              + e.getMessage()
              + "; allowed: a binary descriptor set file, a directory of .proto files or a git"
              + " ref, or unset for the contract on the classpath",
          e);
    }
  }

  /** The rules: the rules file when configured, else the defaults. */
  @Singleton
  RuleSet ruleSet(AlertingConfiguration config) {
    if (config.getRulesFile() == null || config.getRulesFile().isBlank()) {
      return RuleSet.defaultsOnly();
    }
    return RulesFileParser.parse(Path.of(config.getRulesFile()));
  }

  /** Baseline learning settings. */
  @Singleton
  BaselineSettings baselineSettings(AlertingConfiguration config) {
    return new BaselineSettings(
        config.getBaselineWeeks(), config.getMinHistory(), config.getExcludeRecent());
  }

  /** Counts from the local warehouse. */
  @Singleton
  @Requires(
      property = AlertingConfiguration.PREFIX + ".warehouse",
      value = "local",
      defaultValue = "local")
  EventCountSource localSource(AlertingConfiguration.Local local, EntityRegistry registry) {
    LocalEventCountSource source = new LocalEventCountSource(Path.of(local.getRoot()), registry);
    source.warmUp();
    return source;
  }

  /** Counts from BigQuery (application default credentials). */
  @Singleton
  @Requires(property = AlertingConfiguration.PREFIX + ".warehouse", value = "bigquery")
  EventCountSource bigQuerySource(
      AlertingConfiguration.BigQuerySettings settings, EntityRegistry registry) {
    String project = settings.getProject();
    if (project == null) {
      throw new IllegalArgumentException(
          AlertingConfiguration.PREFIX + ".bigquery.project is required when warehouse=bigquery");
    }
    return new BigQueryEventCountSource(
        BigQueryOptions.newBuilder().setProjectId(project).build().getService(),
        project,
        PhysicalLayout.of(registry).withDatasetPrefix(settings.getDatasetPrefix()));
  }

  /** The evaluator. */
  @Singleton
  Evaluator evaluator(
      EventCountSource source,
      RuleSet rules,
      EntityRegistry registry,
      BaselineSettings settings,
      AlertingConfiguration config,
      AlertingConfiguration.IngestionDown ingestionDown,
      AlertLifecycle lifecycle,
      @Named("alerting") Clock clock) {
    // incident and silence hours of each series do not teach its baseline
    return new Evaluator(
        source,
        rules,
        rules.watched(registry),
        settings,
        config.getMaxWatermarkLag(),
        ingestionDown.getPendingFor(),
        clock,
        lifecycle);
  }

  /** The lifecycle with its state file. */
  @Singleton
  AlertLifecycle lifecycle(
      AlertingConfiguration config,
      AlertingConfiguration.IngestionDown ingestionDown,
      AlertingConfiguration.Recovery recovery,
      AlertingConfiguration.Incidents incidents,
      RuleSet rules) {
    String file = config.getStateFile();
    StateStore store = new StateStore(file == null || file.isBlank() ? null : Path.of(file));
    return new AlertLifecycle(
        store,
        rules.silences(),
        new LifecycleSettings(
            ingestionDown.getResolveAfter(),
            new RecoveryTest(
                recovery.getAlpha(),
                recovery.getMinExpected(),
                recovery.getMinDuration(),
                recovery.getMaxDuration()),
            incidents.getUpdateAfter(),
            incidents.getGroupingWindow()));
  }

  /**
   * The dispatcher with every active channel; its listener, the {@link DeliveryLog}, counts each
   * delivery result and keeps the latest per channel.
   */
  @Singleton
  NotificationDispatcher dispatcher(
      NotifyConfiguration notify,
      DeliveryLog deliveryLog,
      NotifyConfiguration.Console console,
      NotifyConfiguration.WebhookLog webhookLog,
      NotifyConfiguration.Slack slack,
      NotifyConfiguration.Webhook webhook,
      NotifyConfiguration.Email email,
      NotifyConfiguration.PagerDuty pagerDuty,
      @Named("alerting") Clock clock) {
    if (notify.getMaxRetryWait().isNegative()) {
      throw new IllegalArgumentException(
          NotifyConfiguration.PREFIX
              + ".max-retry-wait must be zero or a positive ISO-8601 duration such as PT30S, got "
              + notify.getMaxRetryWait());
    }
    HttpJsonPoster poster = new HttpJsonPoster(Duration.ofSeconds(10));
    List<NotificationChannel> channels = new ArrayList<>();
    if (console.isEnabled()) {
      channels.add(new ConsoleChannel("console"));
    }
    if (webhookLog.isEnabled() && webhookLog.getFile() != null) {
      channels.add(new WebhookLogFileChannel("webhook-log", Path.of(webhookLog.getFile())));
    }
    if (slack.isEnabled() && slack.getWebhookUrl() != null) {
      channels.add(new SlackChannel("slack", URI.create(slack.getWebhookUrl()), poster));
    }
    if (webhook.isEnabled() && webhook.getUrl() != null) {
      channels.add(
          new WebhookChannel("webhook", URI.create(webhook.getUrl()), webhook.getSecret(), poster));
    }
    if (email.isEnabled() && email.getHost() != null && email.getTo() != null) {
      channels.add(
          new EmailChannel(
              "email",
              new EmailChannel.Smtp(
                  email.getHost(),
                  email.getPort(),
                  email.isStartTls(),
                  email.getUsername(),
                  email.getPassword()),
              email.getFrom(),
              email.getTo()));
    }
    if (pagerDuty.isEnabled() && pagerDuty.getRoutingKey() != null) {
      channels.add(
          new PagerDutyChannel(
              "pagerduty", URI.create(pagerDuty.getUrl()), pagerDuty.getRoutingKey(), poster));
    }
    return new NotificationDispatcher(
        channels,
        notify.getMaxAttempts(),
        notify.getInitialBackoff(),
        notify.getMaxRetryWait(),
        Thread::sleep,
        deliveryLog,
        clock);
  }
}
