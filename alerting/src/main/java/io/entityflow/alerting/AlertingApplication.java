package io.entityflow.alerting;

import io.micronaut.runtime.Micronaut;

/**
 * Starts the alerting service (HTTP API, status page, scheduled evaluation).
 *
 * <pre>{@code
 * java -cp ... io.entityflow.alerting.AlertingApplication \
 *     -Dentityflow.alerting.local.root=.entityflow/warehouse
 * }</pre>
 */
public final class AlertingApplication {
  private AlertingApplication() {}

  /** Runs the service until stopped. */
  public static void main(String[] args) {
    Micronaut.run(AlertingApplication.class, args);
  }
}
