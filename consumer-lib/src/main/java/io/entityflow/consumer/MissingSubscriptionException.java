package io.entityflow.consumer;

/**
 * Start-up error: a consumer's subscription does not exist outside local mode (no emulator
 * configured), where the library never creates resources.
 *
 * <pre>{@code
 * // subscription projects/acme-prod/subscriptions/sale_v1_loyalty_accrual of consumer
 * // 'loyalty_accrual' (entity Sale) does not exist; ...
 * }</pre>
 */
public class MissingSubscriptionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String subscription;

  /** The subscription {@code projects/<p>/subscriptions/<name>} is missing. */
  public MissingSubscriptionException(String subscription, String consumer, String entity) {
    super(
        "subscription "
            + subscription
            + " of consumer '"
            + consumer
            + "' (entity "
            + entity
            + ") does not exist; create it with the consumer's Terraform (or gcloud) before"
            + " starting the service. Only in local mode (entityflow.consumer.emulator-host or"
            + " PUBSUB_EMULATOR_HOST set) does the library create missing topics and"
            + " subscriptions.");
    this.subscription = subscription;
  }

  /** The full name of the missing subscription. */
  public String subscription() {
    return subscription;
  }
}
