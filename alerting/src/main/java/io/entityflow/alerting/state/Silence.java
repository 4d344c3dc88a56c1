package io.entityflow.alerting.state;

import java.time.Instant;

/**
 * Mutes notifications of matching alerts until it expires. {@code matcher} is an alert's dedup key,
 * or a series id prefix such as {@code retail.sale_v1} or {@code retail.sale_v1/CREATED}, or {@code
 * *} for everything.
 *
 * <pre>{@code
 * Silence s = new Silence("s-1", "retail.sale_v1", now, now.plus(Duration.ofHours(2)), "deploy", "ops");
 * s.matches("ef-0a1b...", "retail.sale_v1/CREATED", now); // true
 * }</pre>
 *
 * @param id silence id
 * @param matcher dedup key, series id prefix or {@code *}
 * @param startsAt start
 * @param endsAt expiry
 * @param reason why, shown in the API and the status page
 * @param createdBy who (free text)
 */
public record Silence(
    String id, String matcher, Instant startsAt, Instant endsAt, String reason, String createdBy) {
  /** Validates. */
  public Silence {
    if (matcher == null || matcher.isBlank()) {
      throw new IllegalArgumentException(
          "silence matcher must be a dedup key, a series id prefix like retail.sale_v1 or *");
    }
    if (endsAt == null || (startsAt != null && !endsAt.isAfter(startsAt))) {
      throw new IllegalArgumentException(
          "silence must end after it starts, got startsAt " + startsAt + " endsAt " + endsAt);
    }
  }

  /** True when active at {@code now} and matching the alert. */
  public boolean matches(String dedupKey, String seriesId, Instant now) {
    if ((startsAt != null && now.isBefore(startsAt)) || !now.isBefore(endsAt)) {
      return false;
    }
    return matcher.equals(dedupKey) || matchesSeries(matcher, seriesId);
  }

  /**
   * True when {@code matcher} names {@code seriesId}: {@code *}, the series id itself or a prefix
   * of it ending before a {@code /} or {@code .} ({@code retail}, {@code retail.sale_v1}).
   */
  static boolean matchesSeries(String matcher, String seriesId) {
    return matcher.equals("*")
        || seriesId.equals(matcher)
        || seriesId.startsWith(matcher + "/")
        || seriesId.startsWith(matcher + ".");
  }

  /** True when expired at {@code now}. */
  public boolean expired(Instant now) {
    return !now.isBefore(endsAt);
  }
}
