package io.entityflow.alerting.api;

import io.entityflow.alerting.evaluation.Evaluation;
import io.entityflow.alerting.notify.DeliveryResult;
import io.entityflow.alerting.rules.AlertRule;
import io.entityflow.alerting.rules.RuleSet;
import io.entityflow.alerting.service.AlertingService;
import io.entityflow.alerting.state.AlertRecord;
import io.entityflow.contract.registry.EntityRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read endpoints and the manual evaluation trigger:
 *
 * <ul>
 *   <li>{@code GET /api/alerts}: alerts, firing first
 *   <li>{@code GET /api/series}: expected vs observed per series ({@link SeriesResponse})
 *   <li>{@code GET /api/rules}: the effective rule of every watched entity x operation
 *   <li>{@code GET /api/deliveries}: the latest delivery result per channel
 *   <li>{@code POST /api/evaluate}: evaluate now (bearer token)
 * </ul>
 *
 * <pre>{@code
 * curl -s localhost:8080/api/alerts
 * }</pre>
 *
 * <p>Every endpoint runs on the blocking executor ({@code @ExecuteOn(TaskExecutors.BLOCKING)}),
 * never on the HTTP event loop: an evaluation queries the warehouse and sends notifications, and
 * the read endpoints wait for the alert state's lock, so the server (health probes included) keeps
 * answering while an evaluation runs.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api")
public class AlertingController {
  private final AlertingService service;
  private final EntityRegistry registry;
  private final MutationGuard guard;

  /** Creates the controller. */
  public AlertingController(AlertingService service, EntityRegistry registry, MutationGuard guard) {
    this.service = service;
    this.registry = registry;
    this.guard = guard;
  }

  /** Alerts. */
  @Get(value = "/alerts", produces = MediaType.APPLICATION_JSON)
  public List<AlertRecord> alerts() {
    return service.alerts();
  }

  /** Series. */
  @Get(value = "/series", produces = MediaType.APPLICATION_JSON)
  public SeriesResponse series() {
    Evaluation e = service.lastEvaluation();
    return new SeriesResponse(
        e.evaluatedAt(), e.judgedUntil(), e.watermark(), service.lastError(), e.series());
  }

  /** Delivery results. */
  @Get(value = "/deliveries", produces = MediaType.APPLICATION_JSON)
  public List<DeliveryResult> deliveries() {
    return service.deliveries();
  }

  /** Effective rules per watched series. */
  @Get(value = "/rules", produces = MediaType.APPLICATION_JSON)
  public List<Map<String, Object>> rules() {
    RuleSet rules = service.rules();
    List<Map<String, Object>> out = new ArrayList<>();
    rules
        .watched(registry)
        .forEach(
            t ->
                t.operations()
                    .forEach(
                        op -> {
                          AlertRule r = op.rule();
                          Map<String, Object> m = new LinkedHashMap<>();
                          m.put("series", t.dataset() + "." + t.table() + "/" + op.operation());
                          m.put("rule", r.id());
                          m.put("type", r.staticMinimum() == null ? "learned" : "static");
                          m.put("sensitivity", r.sensitivity().falseAlertsPerMonth());
                          m.put("timeZone", r.zone().getId());
                          m.put("segment", r.segmentColumn());
                          m.put(
                              "minimum",
                              r.staticMinimum() == null ? null : r.staticMinimum().minimum());
                          m.put(
                              "holidays",
                              r.holidays().stream().map(Object::toString).sorted().toList());
                          m.put("maintenanceWindows", r.maintenance().size());
                          m.put("pendingFor", r.pendingFor().toString());
                          m.put("repeatInterval", r.repeatInterval().toString());
                          m.put("cooldown", r.cooldown().toString());
                          m.put("channels", r.channels());
                          out.add(m);
                        }));
    return out;
  }

  /** Evaluates now. */
  @Post(value = "/evaluate", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> evaluate(@Nullable @Header("Authorization") String authorization) {
    HttpResponse<ApiError> denied = guard.check(authorization);
    if (denied != null) {
      return denied;
    }
    Evaluation e = service.evaluateNow();
    return HttpResponse.ok(
        new SeriesResponse(e.evaluatedAt(), e.judgedUntil(), e.watermark(), null, e.series()));
  }
}
