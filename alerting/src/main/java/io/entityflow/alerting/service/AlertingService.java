package io.entityflow.alerting.service;

import io.entityflow.alerting.evaluation.Evaluation;
import io.entityflow.alerting.notify.DeliveryResult;
import io.entityflow.alerting.rules.RuleSet;
import io.entityflow.alerting.state.AlertRecord;
import io.entityflow.alerting.state.Silence;
import java.time.Instant;
import java.util.List;

/**
 * What the API and the scheduler use: run an evaluation (and send its notifications), read alerts,
 * series, rules and deliveries, manage silences. Replace the {@link DefaultAlertingService} bean to
 * change behaviour.
 *
 * <pre>{@code
 * Evaluation e = service.evaluateNow();
 * service.alerts().forEach(a -> System.out.println(a.getStatus() + " " + a.getSummary()));
 * }</pre>
 */
public interface AlertingService {
  /** Evaluates now, applies the lifecycle and dispatches notifications. */
  Evaluation evaluateNow();

  /** The last completed evaluation (an empty one before the first). */
  Evaluation lastEvaluation();

  /** The error of the last evaluation, or null when it succeeded. */
  String lastError();

  /** Alerts, firing first. */
  List<AlertRecord> alerts();

  /** Active and future silences. */
  List<Silence> silences();

  /** Adds a silence. */
  Silence addSilence(String matcher, Instant startsAt, Instant endsAt, String reason, String by);

  /** Removes an API silence. */
  boolean removeSilence(String id);

  /** The effective rules. */
  RuleSet rules();

  /** The latest delivery result per channel. */
  List<DeliveryResult> deliveries();

  /** The service clock's now. */
  Instant now();
}
