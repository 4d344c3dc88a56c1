package io.entityflow.alerting.backtest;

import java.time.Instant;

/**
 * A condition the service's evaluations found without interruption: from the first evaluation that
 * found it to the last. Findings are what the judge sees; notifications are what the lifecycle made
 * of them (pending-for, cooldown, silences).
 *
 * <pre>{@code
 * result.findings().forEach(f -> System.out.println(f.firstSeen() + " " + f.condition()));
 * }</pre>
 *
 * @param dedupKey the finding's dedup key
 * @param condition e.g. SILENCE
 * @param firstSeen the first evaluation that found it
 * @param lastSeen the last consecutive evaluation that found it
 * @param summary the summary when first found
 */
public record FindingSpan(
    String dedupKey, String condition, Instant firstSeen, Instant lastSeen, String summary) {}
