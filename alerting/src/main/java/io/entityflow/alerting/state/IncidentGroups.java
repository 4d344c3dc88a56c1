package io.entityflow.alerting.state;

import io.entityflow.alerting.evaluation.Condition;
import io.entityflow.alerting.notify.Notification;
import io.entityflow.alerting.notify.NotificationKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The incidents as on-call sees them: each firing series belongs to one incident, and series of one
 * domain (dataset) that start firing within the grouping window of an open incident join it instead
 * of paging anew. An incident pages once when it opens ({@code FIRING}), is {@code UPDATED} without
 * paging when a series joins, escalates, eases or recovers while others still fire, is reminded of
 * every repeat interval, and {@code RESOLVED} once its last series recovered. Its dedup key is the
 * key of the series that opened it and never changes while it is open.
 *
 * <pre>{@code
 * IncidentGroups groups = new IncidentGroups(incidents, series, Duration.ofMinutes(15));
 * groups.join(seriesRecord, now);
 * List<Notification> out = groups.notifications(now, silenced);
 * }</pre>
 *
 * <p>Guarantees: one notification per incident and evaluation at most; an ingestion-down incident
 * is never grouped with series; not thread-safe (used under the lifecycle's lock).
 */
final class IncidentGroups {
  private final Map<String, AlertRecord> incidents;
  private final Map<String, AlertRecord> series;
  private final Duration window;
  private final Map<String, Changes> changes = new LinkedHashMap<>();

  /** What happened to one incident during the current evaluation. */
  private static final class Changes {
    boolean opened;
    boolean resolved;
    final List<String> lines = new ArrayList<>();
  }

  IncidentGroups(
      Map<String, AlertRecord> incidents, Map<String, AlertRecord> series, Duration window) {
    this.incidents = incidents;
    this.series = series;
    this.window = window;
  }

  /**
   * Takes a firing series that was announced before incidents existed (an older state file) as its
   * own announced incident, so a restart does not page again.
   */
  void adopt(AlertRecord a) {
    AlertRecord g =
        new AlertRecord(a.getDedupKey(), a.getRuleId(), a.getSeriesId(), a.getCondition());
    g.setStatus(AlertStatus.FIRING);
    g.setFiredAt(a.getFiredAt());
    g.setNotified(true);
    g.setLastNotifiedAt(a.getLastNotifiedAt());
    g.setRepeatEvery(a.repeatEvery());
    g.members().add(a.getSeriesId());
    incidents.put(g.getDedupKey(), g);
    a.setGroupKey(g.getDedupKey());
    refresh(g);
  }

  /** Puts a series that started firing into an open incident, or opens one. */
  void join(AlertRecord a, Instant now) {
    AlertRecord g = incidents.get(a.getDedupKey());
    if (g == null || g.getStatus() != AlertStatus.FIRING) {
      g = window.isZero() || isIngestion(a) ? null : openIncidentOfDomain(a, now);
    }
    if (g == null) {
      g = incidents.get(a.getDedupKey());
      if (g == null) {
        g = new AlertRecord(a.getDedupKey(), a.getRuleId(), a.getSeriesId(), a.getCondition());
        incidents.put(g.getDedupKey(), g);
      }
      g.setStatus(AlertStatus.FIRING);
      g.setFiredAt(now);
      g.setNotified(false);
      g.setResolvedAt(null);
      g.setResolveUndelivered(false);
      g.setResolvedSummary(null);
      g.setRepeatEvery(a.repeatEvery());
      g.clearHistory();
      g.members().clear();
      changes(g).opened = true;
    }
    if (!g.members().contains(a.getSeriesId())) {
      g.members().add(a.getSeriesId());
    }
    a.setGroupKey(g.getDedupKey());
    a.setNotified(true);
    if (!changes(g).opened) {
      changes(g)
          .lines
          .add(a.getSeriesId() + " joined (" + a.getCondition() + "): " + a.getSummary());
    }
  }

  /** A member's condition changed (escalated or eased); {@code line} says how. */
  void changed(AlertRecord a, String line) {
    AlertRecord g = incidents.get(a.groupKey());
    if (g != null && !changes(g).opened) {
      changes(g).lines.add(line);
    }
  }

  /** A member recovered: the incident resolves when it was the last one. */
  void ended(AlertRecord a, Instant now) {
    AlertRecord g = incidents.get(a.groupKey());
    a.setGroupKey(null);
    if (g == null) {
      return;
    }
    boolean single = g.getSeriesId().equals(a.getSeriesId());
    g.members().remove(a.getSeriesId());
    if (!g.members().isEmpty()) {
      changes(g).lines.add(a.getResolvedSummary());
      return;
    }
    String summary =
        single
            ? a.getResolvedSummary()
            : "All series of " + g.getSeriesId() + " are back; last: " + a.getResolvedSummary();
    g.setStatus(AlertStatus.RESOLVED);
    g.setResolvedAt(now);
    g.setResolvedSummary(summary);
    changes(g).resolved = true;
  }

  /**
   * The notifications of this evaluation, one per incident at most: a new or undelivered incident
   * fires, a changed one is updated, a resolved one resolves, a long-firing one is reminded of.
   * Muted incidents (a silence matching them) change state but send nothing.
   */
  List<Notification> notifications(Instant now, Predicate<AlertRecord> muted) {
    List<Notification> out = new ArrayList<>();
    for (AlertRecord g : incidents.values()) {
      Changes c = changes.get(g.getDedupKey());
      boolean quiet = muted.test(g);
      if (g.getStatus() == AlertStatus.FIRING) {
        String before = g.getCondition();
        refresh(g);
        String previous = before.equals(g.getCondition()) ? null : before;
        if (c != null && c.opened) {
          g.addHistory(now, NotificationKind.FIRING, g.getCondition(), g.getSummary());
        } else if (c != null && !c.lines.isEmpty()) {
          g.addHistory(now, NotificationKind.UPDATED, g.getCondition(), String.join("; ", c.lines));
        }
        if (quiet) {
          continue;
        }
        if (!g.isNotified()) {
          out.add(notification(g, NotificationKind.FIRING, false, now, g.getSummary(), null));
          g.setNotified(true);
          g.setLastNotifiedAt(now);
        } else if (c != null && !c.lines.isEmpty()) {
          out.add(
              notification(
                  g, NotificationKind.UPDATED, false, now, String.join("; ", c.lines), previous));
          g.setLastNotifiedAt(now);
        } else if (g.repeatEvery() != null
            && g.getLastNotifiedAt() != null
            && !now.isBefore(g.getLastNotifiedAt().plus(g.repeatEvery()))) {
          out.add(notification(g, NotificationKind.FIRING, true, now, g.getSummary(), null));
          g.setLastNotifiedAt(now);
        }
      } else if (g.getStatus() == AlertStatus.RESOLVED) {
        boolean send = (c != null && c.resolved && g.isNotified()) || g.isResolveUndelivered();
        if (c != null && c.resolved) {
          g.addHistory(now, NotificationKind.RESOLVED, g.getCondition(), g.getResolvedSummary());
        }
        g.setResolveUndelivered(false);
        if (send && !quiet) {
          out.add(
              notification(g, NotificationKind.RESOLVED, false, now, g.getResolvedSummary(), null));
          g.setLastNotifiedAt(now);
        }
      }
    }
    changes.clear();
    return out;
  }

  /** Drops incidents resolved longer than {@code keep} ago. */
  void prune(Instant now, Duration keep) {
    incidents
        .values()
        .removeIf(
            g ->
                g.getStatus() == AlertStatus.RESOLVED
                    && g.getResolvedAt() != null
                    && now.isAfter(g.getResolvedAt().plus(keep)));
  }

  /** The incident's firing members. */
  private List<AlertRecord> members(AlertRecord g) {
    List<AlertRecord> out = new ArrayList<>();
    for (AlertRecord a : series.values()) {
      if (g.getDedupKey().equals(a.groupKey()) && a.getStatus() == AlertStatus.FIRING) {
        out.add(a);
      }
    }
    return out;
  }

  /** Recomputes the incident's label, worst condition, summary, counts and channels. */
  private void refresh(AlertRecord g) {
    List<AlertRecord> members = members(g);
    if (members.isEmpty()) {
      return;
    }
    String worst = members.get(0).getCondition();
    double observed = 0;
    double expected = 0;
    Instant lastSeen = null;
    Set<String> channels = new LinkedHashSet<>();
    boolean everyChannel = false;
    List<String> parts = new ArrayList<>();
    for (AlertRecord a : members) {
      if (severity(a.getCondition()) > severity(worst)) {
        worst = a.getCondition();
      }
      if (a.getLastSeenAt() != null && (lastSeen == null || a.getLastSeenAt().isAfter(lastSeen))) {
        lastSeen = a.getLastSeenAt();
      }
      observed += a.getObserved();
      expected += a.getExpected();
      everyChannel |= a.getChannels().isEmpty();
      channels.addAll(a.getChannels());
      parts.add(a.getSeriesId() + " " + a.getCondition() + ": " + a.getSummary());
    }
    g.setCondition(worst);
    g.setSeriesId(label(members.stream().map(AlertRecord::getSeriesId).toList()));
    g.setSummary(
        members.size() == 1
            ? members.get(0).getSummary()
            : members.size() + " series quiet together: " + String.join("; ", parts),
        observed,
        expected);
    g.setChannels(everyChannel ? List.of() : List.copyOf(channels));
    g.setLastSeenAt(lastSeen);
    g.members().clear();
    g.members().addAll(members.stream().map(AlertRecord::getSeriesId).toList());
  }

  private AlertRecord openIncidentOfDomain(AlertRecord a, Instant now) {
    String domain = domain(a.getSeriesId());
    for (AlertRecord g : incidents.values()) {
      if (g.getStatus() != AlertStatus.FIRING
          || g.getFiredAt() == null
          || now.isAfter(g.getFiredAt().plus(window))
          || Condition.INGESTION_DOWN.name().equals(g.getCondition())) {
        continue;
      }
      for (String member : g.members()) {
        if (domain(member).equals(domain)) {
          return g;
        }
      }
    }
    return null;
  }

  private Changes changes(AlertRecord g) {
    return changes.computeIfAbsent(g.getDedupKey(), k -> new Changes());
  }

  private static boolean isIngestion(AlertRecord a) {
    return Condition.INGESTION_DOWN.name().equals(a.getCondition());
  }

  /**
   * The incident's name: the series for one, {@code retail.sale_v1 (3 series)} for series of one
   * entity, {@code retail (2 entities, 3 series)} for one domain.
   */
  static String label(Collection<String> seriesIds) {
    Set<String> entities = new LinkedHashSet<>();
    Set<String> domains = new LinkedHashSet<>();
    for (String id : seriesIds) {
      entities.add(entity(id));
      domains.add(domain(id));
    }
    if (seriesIds.size() == 1) {
      return seriesIds.iterator().next();
    }
    if (entities.size() == 1) {
      return entities.iterator().next() + " (" + seriesIds.size() + " series)";
    }
    return String.join(", ", domains)
        + " ("
        + entities.size()
        + " entities, "
        + seriesIds.size()
        + " series)";
  }

  /** {@code retail.sale_v1} of {@code retail.sale_v1/CREATED}. */
  static String entity(String seriesId) {
    int slash = seriesId.indexOf('/');
    return slash < 0 ? seriesId : seriesId.substring(0, slash);
  }

  /** {@code retail} of {@code retail.sale_v1/CREATED}. */
  static String domain(String seriesId) {
    int dot = seriesId.indexOf('.');
    return dot < 0 ? entity(seriesId) : seriesId.substring(0, dot);
  }

  /** The severity of a condition name ({@link Condition#severity()}). */
  static int severity(String condition) {
    return Condition.valueOf(condition).severity();
  }

  private static Notification notification(
      AlertRecord g,
      NotificationKind kind,
      boolean repeat,
      Instant now,
      String summary,
      String previousCondition) {
    return new Notification(
        g.getDedupKey(),
        kind,
        repeat,
        g.getRuleId(),
        g.getSeriesId(),
        g.getCondition(),
        summary,
        g.getObserved(),
        g.getExpected(),
        g.getFiredAt(),
        now,
        g.getChannels(),
        previousCondition,
        g.getMembers(),
        g.getHistory());
  }
}
