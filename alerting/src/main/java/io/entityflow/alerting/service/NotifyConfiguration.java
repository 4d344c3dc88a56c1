package io.entityflow.alerting.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * Notification channels under {@value #PREFIX}. A channel is active when its {@code enabled} is
 * true and its required keys are set; secrets (webhook URLs, HMAC secret, SMTP password, routing
 * key) are best given as environment variables, e.g. {@code
 * ENTITYFLOW_ALERTING_NOTIFY_SLACK_WEBHOOK_URL}.
 *
 * <pre>{@code
 * ApplicationContext.run(Map.of("entityflow.alerting.notify.slack.webhook-url", url));
 * }</pre>
 */
@ConfigurationProperties(NotifyConfiguration.PREFIX)
public interface NotifyConfiguration {
  /** Prefix of every key. */
  String PREFIX = "entityflow.alerting.notify";

  /** Attempts per notification and channel. Default 4. */
  @Bindable(defaultValue = "4")
  int getMaxAttempts();

  /** First retry delay, doubled each retry. Default 1 second. */
  @Bindable(defaultValue = "PT1S")
  Duration getInitialBackoff();

  /**
   * Longest wait between two attempts: the doubling backoff stops growing there, and a server
   * asking for a longer {@code Retry-After} makes the dispatcher give that notification up until
   * the next evaluation instead of waiting. Default 30 seconds.
   */
  @Bindable(defaultValue = "PT30S")
  Duration getMaxRetryWait();

  /** The console/log channel ({@code console}). */
  @ConfigurationProperties("console")
  interface Console {
    /** Default true. */
    @Bindable(defaultValue = "true")
    boolean isEnabled();
  }

  /** The webhook log file channel ({@code webhook-log}). */
  @ConfigurationProperties("webhook-log")
  interface WebhookLog {
    /** Default true (active when {@code file} is set). */
    @Bindable(defaultValue = "true")
    boolean isEnabled();

    /** JSON Lines file to append to. */
    @Nullable
    String getFile();
  }

  /** The Slack channel ({@code slack}). */
  @ConfigurationProperties("slack")
  interface Slack {
    /** Default true (active when {@code webhook-url} is set). */
    @Bindable(defaultValue = "true")
    boolean isEnabled();

    /** Incoming webhook URL (secret). */
    @Nullable
    String getWebhookUrl();
  }

  /** The generic webhook channel ({@code webhook}). */
  @ConfigurationProperties("webhook")
  interface Webhook {
    /** Default true (active when {@code url} is set). */
    @Bindable(defaultValue = "true")
    boolean isEnabled();

    /** Receiver URL. */
    @Nullable
    String getUrl();

    /** HMAC-SHA256 secret (secret); unset sends no signature. */
    @Nullable
    String getSecret();
  }

  /** The email channel ({@code email}). */
  @ConfigurationProperties("email")
  interface Email {
    /** Default true (active when {@code host} and {@code to} are set). */
    @Bindable(defaultValue = "true")
    boolean isEnabled();

    /** SMTP host. */
    @Nullable
    String getHost();

    /** SMTP port. Default 587. */
    @Bindable(defaultValue = "587")
    int getPort();

    /** Require STARTTLS. Default true. */
    @Bindable(defaultValue = "true")
    boolean isStartTls();

    /** SMTP user; unset means no authentication. */
    @Nullable
    String getUsername();

    /** SMTP password (secret). */
    @Nullable
    String getPassword();

    /** Sender address. Default {@code entityflow-alerting@localhost}. */
    @Bindable(defaultValue = "entityflow-alerting@localhost")
    String getFrom();

    /** Recipients. */
    @Nullable
    List<String> getTo();
  }

  /** The PagerDuty Events v2 channel ({@code pagerduty}). */
  @ConfigurationProperties("pagerduty")
  interface PagerDuty {
    /** Default true (active when {@code routing-key} is set). */
    @Bindable(defaultValue = "true")
    boolean isEnabled();

    /** Events API URL. Default {@code https://events.pagerduty.com/v2/enqueue}. */
    @Bindable(defaultValue = "https://events.pagerduty.com/v2/enqueue")
    String getUrl();

    /** Integration routing key (secret). */
    @Nullable
    String getRoutingKey();
  }
}
