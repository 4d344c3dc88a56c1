package io.entityflow.alerting.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores what on-call received during a replay against labelled incidents: a message belongs to the
 * first incident whose window holds the start of its alert; pages outside every incident are false.
 * Per incident: the first page inside its window (detection) and the number of pages and resolves
 * attributed to it (updates do not page and are not counted).
 *
 * <pre>{@code
 * NotificationScore s = NotificationScore.of(messages, incidents, Duration.ofDays(76));
 * s.falsePagesPerMonth(); s.incidents().get(0).notifications();
 * }</pre>
 *
 * <p>Guarantees: deterministic; the same code scores the service's notifications and any other list
 * of messages (e.g. an older version's alerts), so figures compare like for like.
 *
 * @param replayed the judged span (for rates per month of 30 days)
 * @param pages messages that paged
 * @param updates messages that did not page
 * @param resolves messages that ended an alert
 * @param falsePages pages outside every incident
 * @param falseResolves resolves of alerts that started outside every incident
 * @param lateFalsePages false pages later than the window of a level shift (after it settled)
 * @param incidents the score of each incident, in input order
 */
public record NotificationScore(
    Duration replayed,
    int pages,
    int updates,
    int resolves,
    int falsePages,
    int falseResolves,
    int lateFalsePages,
    List<IncidentScore> incidents) {
  /** Copies the list. */
  public NotificationScore {
    incidents = List.copyOf(incidents);
  }

  /**
   * One incident's score.
   *
   * @param incident the incident
   * @param firstPageAt the first page attributed to it, or null when none (missed)
   * @param notifications pages and resolves attributed to it
   */
  public record IncidentScore(Incident incident, Instant firstPageAt, int notifications) {
    /** First page minus incident start, or null when missed. */
    public Duration delay() {
      return firstPageAt == null ? null : Duration.between(incident.from(), firstPageAt);
    }
  }

  /** Scores {@code messages} (in time order) against {@code incidents}. */
  public static NotificationScore of(
      List<OnCallMessage> messages, List<Incident> incidents, Duration replayed) {
    int pages = 0;
    int updates = 0;
    int resolves = 0;
    int falsePages = 0;
    int falseResolves = 0;
    int late = 0;
    Instant[] first = new Instant[incidents.size()];
    int[] counted = new int[incidents.size()];
    for (OnCallMessage m : messages) {
      switch (m.kind()) {
        case PAGE -> pages++;
        case UPDATE -> updates++;
        case RESOLVE -> resolves++;
      }
      int owner = -1;
      for (int i = 0; i < incidents.size() && owner < 0; i++) {
        if (incidents.get(i).attributes(m.alertStartedAt())) {
          owner = i;
        }
      }
      if (owner >= 0) {
        if (m.kind() != OnCallMessage.Kind.UPDATE) {
          counted[owner]++;
        }
        if (m.kind() == OnCallMessage.Kind.PAGE && first[owner] == null) {
          first[owner] = m.at();
        }
      } else if (m.kind() == OnCallMessage.Kind.PAGE) {
        falsePages++;
        if (incidents.stream().anyMatch(i -> i.levelShift() && !m.at().isBefore(i.windowEnd()))) {
          late++;
        }
      } else if (m.kind() == OnCallMessage.Kind.RESOLVE) {
        falseResolves++;
      }
    }
    List<IncidentScore> scores = new ArrayList<>();
    for (int i = 0; i < incidents.size(); i++) {
      scores.add(new IncidentScore(incidents.get(i), first[i], counted[i]));
    }
    return new NotificationScore(
        replayed, pages, updates, resolves, falsePages, falseResolves, late, scores);
  }

  /** False pages scaled to a 30-day month. */
  public double falsePagesPerMonth() {
    double days = replayed.toMinutes() / 1440.0;
    return days <= 0 ? 0 : falsePages * 30.0 / days;
  }
}
