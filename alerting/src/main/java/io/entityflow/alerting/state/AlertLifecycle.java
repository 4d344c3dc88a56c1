package io.entityflow.alerting.state;

import io.entityflow.alerting.evaluation.Condition;
import io.entityflow.alerting.evaluation.Evaluation;
import io.entityflow.alerting.evaluation.Finding;
import io.entityflow.alerting.evaluation.SeriesStatus;
import io.entityflow.alerting.notify.Notification;
import io.entityflow.alerting.notify.NotificationKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns evaluations into alert state and notifications: a finding opens a PENDING alert, which
 * FIRES once it held for the rule's {@code pending-for} and no cooldown runs; a firing alert is
 * re-sent every {@code repeat-interval}; when its finding disappears it RESOLVES and, if it was
 * announced, a resolved message saying what came back ({@link ResolutionSummary}) goes to the same
 * channels; a resolved message that reached no channel is sent again at the next evaluation. An
 * ingestion-down alert resolves only after it was not found for {@code ingestionResolveAfter}.
 * Silenced alerts change state but send nothing; an alert whose silence expires while it still
 * fires is announced then.
 *
 * <pre>{@code
 * AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(file), configSilences);
 * List<Notification> toSend = lifecycle.apply(evaluator.evaluate());
 * }</pre>
 *
 * <p>Guarantees: state is saved after every {@link #apply}, so a restarted service sends no
 * duplicate; thread-safe; resolved alerts are pruned after 7 days.
 */
public final class AlertLifecycle {
  static final Duration KEEP_RESOLVED = Duration.ofDays(7);

  private final StateStore store;
  private final List<Silence> configSilences;
  private final Duration ingestionResolveAfter;
  private final Map<String, AlertRecord> alerts = new LinkedHashMap<>();
  private final List<Silence> silences = new ArrayList<>();

  /** Loads the persisted state; an ingestion-down alert resolves as soon as it is not found. */
  public AlertLifecycle(StateStore store, List<Silence> configSilences) {
    this(store, configSilences, Duration.ZERO);
  }

  /**
   * Loads the persisted state. A firing {@link Condition#INGESTION_DOWN} alert resolves only once
   * it was not found for {@code ingestionResolveAfter} (hysteresis against pipeline latency).
   */
  public AlertLifecycle(
      StateStore store, List<Silence> configSilences, Duration ingestionResolveAfter) {
    this.store = store;
    this.configSilences = List.copyOf(configSilences);
    this.ingestionResolveAfter = ingestionResolveAfter;
    StateStore.Snapshot snapshot = store.load();
    for (AlertRecord a : snapshot.alerts()) {
      alerts.put(a.getDedupKey(), a);
    }
    silences.addAll(snapshot.silences());
  }

  /** Applies one evaluation; returns the notifications to send. */
  public synchronized List<Notification> apply(Evaluation evaluation) {
    Instant now = evaluation.evaluatedAt();
    List<Notification> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, SeriesStatus> statuses = new HashMap<>();
    for (SeriesStatus status : evaluation.series()) {
      statuses.put(status.seriesId(), status);
    }
    for (Finding f : evaluation.findings()) {
      String key = f.dedupKey();
      AlertRecord a = alerts.get(key);
      if (a == null || a.getStatus() == AlertStatus.RESOLVED) {
        if (f.suppressed()) {
          continue;
        }
        if (a == null) {
          a = new AlertRecord(key, f.rule().id(), f.seriesId(), f.condition().name());
          alerts.put(key, a);
        }
        a.setStatus(AlertStatus.PENDING);
        a.setPendingSince(now);
        a.setNotified(false);
        a.setFiredAt(null);
        a.setResolveUndelivered(false);
        a.setResolvedSummary(null);
      }
      seen.add(key);
      a.setSummary(f.summary(), f.observed(), f.expected());
      a.setSilentSince(f.since());
      SeriesStatus status = statuses.get(f.seriesId());
      a.setWatched(evaluation.judgedUntil(), status == null ? 0 : status.eventsThisHour());
      a.setLastSeenAt(now);
      a.setChannels(f.rule().channels());
      if (a.getStatus() == AlertStatus.PENDING) {
        boolean cooling =
            a.getResolvedAt() != null && now.isBefore(a.getResolvedAt().plus(f.rule().cooldown()));
        if (!cooling && !now.isBefore(a.getPendingSince().plus(f.rule().pendingFor()))) {
          a.setStatus(AlertStatus.FIRING);
          a.setFiredAt(now);
        }
      }
      if (a.getStatus() == AlertStatus.FIRING && !f.suppressed() && !silenced(a, now)) {
        if (!a.isNotified()) {
          out.add(notification(a, NotificationKind.FIRING, false, now));
          a.setNotified(true);
          a.setLastNotifiedAt(now);
        } else if (!now.isBefore(a.getLastNotifiedAt().plus(f.rule().repeatInterval()))) {
          out.add(notification(a, NotificationKind.FIRING, true, now));
          a.setLastNotifiedAt(now);
        }
      }
    }
    for (AlertRecord a : new ArrayList<>(alerts.values())) {
      if (seen.contains(a.getDedupKey())) {
        continue;
      }
      if (a.getStatus() == AlertStatus.PENDING) {
        if (a.getFiredAt() == null && a.getResolvedAt() == null) {
          alerts.remove(a.getDedupKey());
        } else {
          a.setStatus(AlertStatus.RESOLVED);
        }
      } else if (a.getStatus() == AlertStatus.FIRING) {
        if (Condition.INGESTION_DOWN.name().equals(a.getCondition())
            && a.getLastSeenAt() != null
            && now.isBefore(a.getLastSeenAt().plus(ingestionResolveAfter))) {
          continue; // hysteresis: ingestion must stay back for ingestionResolveAfter
        }
        a.setStatus(AlertStatus.RESOLVED);
        a.setResolvedAt(now);
        a.setResolvedSummary(ResolutionSummary.of(a, evaluation));
        if (a.isNotified() && !silenced(a, now)) {
          out.add(notification(a, NotificationKind.RESOLVED, false, now));
          a.setLastNotifiedAt(now);
        }
      } else if (a.isResolveUndelivered()) {
        a.setResolveUndelivered(false);
        if (!silenced(a, now)) {
          out.add(notification(a, NotificationKind.RESOLVED, false, now));
          a.setLastNotifiedAt(now);
        }
      } else if (a.getResolvedAt() != null && now.isAfter(a.getResolvedAt().plus(KEEP_RESOLVED))) {
        alerts.remove(a.getDedupKey());
      }
    }
    silences.removeIf(s -> s.expired(now));
    save();
    return out;
  }

  /**
   * Records that a firing notification reached no channel: the alert counts as not announced, so
   * the next evaluation sends it again (nothing is lost while every channel is down).
   */
  public synchronized void markUndelivered(String dedupKey) {
    markUndelivered(dedupKey, NotificationKind.FIRING);
  }

  /**
   * Records that a notification of {@code kind} reached no channel, so the next evaluation sends it
   * again (saved: a restart still sends it): a firing one while the alert fires, a resolved one
   * while the alert stays resolved (a re-fire supersedes it).
   */
  public synchronized void markUndelivered(String dedupKey, NotificationKind kind) {
    AlertRecord a = alerts.get(dedupKey);
    if (a == null) {
      return;
    }
    if (kind == NotificationKind.FIRING && a.getStatus() == AlertStatus.FIRING) {
      a.setNotified(false);
      save();
    } else if (kind == NotificationKind.RESOLVED && a.getStatus() == AlertStatus.RESOLVED) {
      a.setResolveUndelivered(true);
      save();
    }
  }

  /** Copies of all alerts, firing first, then pending, then resolved, newest first. */
  public synchronized List<AlertRecord> alerts() {
    return alerts.values().stream()
        .map(AlertRecord::copy)
        .sorted(
            Comparator.comparingInt((AlertRecord a) -> order(a.getStatus()))
                .thenComparing(AlertRecord::getDedupKey))
        .toList();
  }

  /** Active and future silences: the rules file's and the API's. */
  public synchronized List<Silence> silences(Instant now) {
    List<Silence> all = new ArrayList<>();
    for (Silence s : configSilences) {
      if (!s.expired(now)) {
        all.add(s);
      }
    }
    for (Silence s : silences) {
      if (!s.expired(now)) {
        all.add(s);
      }
    }
    return all;
  }

  /** Adds an API silence and saves it. */
  public synchronized Silence addSilence(
      String matcher, Instant startsAt, Instant endsAt, String reason, String createdBy) {
    Silence s =
        new Silence(
            "s-" + UUID.randomUUID().toString().substring(0, 8),
            matcher,
            startsAt,
            endsAt,
            reason,
            createdBy);
    silences.add(s);
    save();
    return s;
  }

  /** Removes an API silence; false when there is none with that id. */
  public synchronized boolean removeSilence(String id) {
    boolean removed = silences.removeIf(s -> s.id().equals(id));
    if (removed) {
      save();
    }
    return removed;
  }

  private boolean silenced(AlertRecord a, Instant now) {
    for (Silence s : configSilences) {
      if (s.matches(a.getDedupKey(), a.getSeriesId(), now)) {
        return true;
      }
    }
    for (Silence s : silences) {
      if (s.matches(a.getDedupKey(), a.getSeriesId(), now)) {
        return true;
      }
    }
    return false;
  }

  private void save() {
    store.save(
        new StateStore.Snapshot(
            alerts.values().stream().map(AlertRecord::copy).toList(), List.copyOf(silences)));
  }

  private static int order(AlertStatus status) {
    return switch (status) {
      case FIRING -> 0;
      case PENDING -> 1;
      case RESOLVED -> 2;
    };
  }

  private static Notification notification(
      AlertRecord a, NotificationKind kind, boolean repeat, Instant now) {
    return new Notification(
        a.getDedupKey(),
        kind,
        repeat,
        a.getRuleId(),
        a.getSeriesId(),
        a.getCondition(),
        kind == NotificationKind.RESOLVED && a.getResolvedSummary() != null
            ? a.getResolvedSummary()
            : a.getSummary(),
        a.getObserved(),
        a.getExpected(),
        a.getFiredAt(),
        now,
        a.getChannels());
  }
}
