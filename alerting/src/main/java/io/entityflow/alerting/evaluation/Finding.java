package io.entityflow.alerting.evaluation;

import io.entityflow.alerting.rules.AlertRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A condition observed in one evaluation. Its {@link #dedupKey()} is stable: the same rule and
 * series always give the same key, across evaluations, conditions and restarts.
 *
 * <pre>{@code
 * Finding f = new Finding(rule, "retail.sale_v1/CREATED", Condition.SILENCE, "No CREATED ...",
 *     0, 14.2, lastEvent, Duration.ofMinutes(8), false);
 * f.dedupKey(); // "ef-3f2a..."
 * }</pre>
 *
 * @param rule the rule that judged
 * @param seriesId series id, or {@code *} for ingestion
 * @param condition what is wrong
 * @param summary one human sentence (no payloads)
 * @param observed events observed over the judged span
 * @param expected events expected over that span
 * @param since start of the judged span
 * @param timeToDetect the series' time to detect a total silence, or null
 * @param suppressed true when replaced by an ingestion-down finding (kept alive, not notified)
 */
public record Finding(
    AlertRule rule,
    String seriesId,
    Condition condition,
    String summary,
    double observed,
    double expected,
    Instant since,
    Duration timeToDetect,
    boolean suppressed) {

  /**
   * {@code ef-} and 16 hex digits of SHA-256 over rule id and series id: the condition is not part
   * of it, so SILENCE and DROP of one series are one incident.
   */
  public String dedupKey() {
    return dedupKey(rule.id(), seriesId);
  }

  /** The dedup key of a rule and series. */
  public static String dedupKey(String ruleId, String seriesId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((ruleId + "|" + seriesId).getBytes(StandardCharsets.UTF_8));
      return "ef-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  /** This finding marked as replaced by an ingestion-down finding. */
  public Finding asSuppressed() {
    return new Finding(
        rule, seriesId, condition, summary, observed, expected, since, timeToDetect, true);
  }
}
