package io.entityflow.alerting.state;

import io.entityflow.alerting.evaluation.Condition;
import io.entityflow.alerting.evaluation.Evaluation;
import io.entityflow.alerting.evaluation.Finding;
import io.entityflow.alerting.evaluation.SeriesStatus;
import io.entityflow.alerting.model.Baseline;
import io.entityflow.alerting.model.LearningExclusions;
import io.entityflow.alerting.model.RecoveryVerdict;
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
import java.util.function.Predicate;

/**
 * Turns evaluations into incidents and notifications.
 *
 * <ul>
 *   <li><b>One incident per series.</b> A finding opens the series' alert (its dedup key depends on
 *       rule and series only), PENDING until it held for the rule's {@code pending-for} and no
 *       {@code cooldown} runs, then FIRING. SILENCE and DROP are conditions of that one incident: a
 *       new condition replaces the current one once it held for {@code update-after}, announced by
 *       one UPDATED notification (no page).
 *   <li><b>Hysteresis.</b> A learned series resolves only when it passes its {@link
 *       io.entityflow.alerting.model.RecoveryTest recovery test}: the events counted since the last
 *       evaluation that still found the condition are consistent with its baseline (enough of them
 *       expected, at least one arrived, {@code P(X <= observed) >= alpha}); a window judged still
 *       low restarts. A trickle during an outage keeps the incident open. A DROP incident also
 *       needs the window's count above its CUSUM's break-even (the window's evidence must not
 *       favour the dropped rate), so a short window cannot end a partial drop that persists. Static
 *       minimums resolve when the minimum is met again; ingestion down after it was not found for
 *       {@code ingestion-down.resolve-after}.
 *   <li><b>Grouping.</b> Firing series are notified as incidents ({@link IncidentGroups}): series
 *       of one domain starting within {@code grouping.window} of an open incident join it.
 * </ul>
 *
 * <p>Silenced series change state but send nothing; a series whose silence expires while it still
 * fires is announced then. A notification that reached no channel is sent again at the next
 * evaluation (firing and resolved; an update is not repeated, the next one carries the state).
 *
 * <pre>{@code
 * AlertLifecycle lifecycle = new AlertLifecycle(new StateStore(file), configSilences,
 *     LifecycleSettings.defaults());
 * List<Notification> toSend = lifecycle.apply(evaluator.evaluate());
 * }</pre>
 *
 * <p>Guarantees: state is saved after every {@link #apply}, so a restarted service sends no
 * duplicate; thread-safe; resolved alerts are pruned after 7 days.
 */
public final class AlertLifecycle implements LearningExclusions {
  static final Duration KEEP_RESOLVED = Duration.ofDays(7);

  /** Learning gaps are kept this long: longer than any baseline looks back (53 weeks). */
  static final Duration KEEP_GAPS = Duration.ofDays(7 * 53 + 2);

  private final StateStore store;
  private final List<Silence> configSilences;
  private final LifecycleSettings settings;
  private final Map<String, AlertRecord> alerts = new LinkedHashMap<>();
  private final Map<String, AlertRecord> incidents = new LinkedHashMap<>();
  private final IncidentGroups groups;
  private final List<Silence> silences = new ArrayList<>();
  private final List<LearningGap> gaps = new ArrayList<>();

  /** Loads the persisted state with the default settings. */
  public AlertLifecycle(StateStore store, List<Silence> configSilences) {
    this(
        store,
        configSilences,
        LifecycleSettings.defaults().withIngestionResolveAfter(Duration.ZERO));
  }

  /** Loads the persisted state. */
  public AlertLifecycle(
      StateStore store, List<Silence> configSilences, Duration ingestionResolveAfter) {
    this(
        store,
        configSilences,
        LifecycleSettings.defaults().withIngestionResolveAfter(ingestionResolveAfter));
  }

  /** Loads the persisted state. */
  public AlertLifecycle(
      StateStore store, List<Silence> configSilences, LifecycleSettings settings) {
    this.store = store;
    this.configSilences = List.copyOf(configSilences);
    this.settings = settings;
    this.groups = new IncidentGroups(incidents, alerts, settings.groupWindow());
    StateStore.Snapshot snapshot = store.load();
    for (AlertRecord a : snapshot.alerts()) {
      alerts.put(a.getDedupKey(), a);
    }
    for (AlertRecord g : snapshot.incidents()) {
      incidents.put(g.getDedupKey(), g);
    }
    for (AlertRecord a : new ArrayList<>(alerts.values())) {
      if (a.getStatus() == AlertStatus.FIRING && a.isNotified() && a.groupKey() == null) {
        // an announced alert of a state file from before incidents: its incident keeps the key
        // it was announced with, the series' alert takes today's key
        groups.adopt(a);
        String key = Finding.dedupKey(a.getRuleId(), a.getSeriesId());
        if (!key.equals(a.getDedupKey())) {
          alerts.remove(a.getDedupKey());
          a.setDedupKey(key);
          alerts.put(key, a);
        }
        if (a.recoveryFrom() == null && a.getWatchedUntil() != null) {
          a.setRecoveryFrom(a.getWatchedUntil(), a.getWatchedHourCount());
        }
      }
    }
    silences.addAll(snapshot.silences());
    gaps.addAll(snapshot.learningGaps());
  }

  /** Applies one evaluation; returns the notifications to send. */
  public synchronized List<Notification> apply(Evaluation evaluation) {
    Instant now = evaluation.evaluatedAt();
    Instant judged = evaluation.judgedUntil();
    Set<String> seen = new HashSet<>();
    Set<String> suppressed = new HashSet<>();
    Set<String> suppressedSeries = new HashSet<>();
    Map<String, SeriesStatus> statuses = new HashMap<>();
    for (SeriesStatus status : evaluation.series()) {
      statuses.put(status.seriesId(), status);
    }
    for (Finding f : evaluation.findings()) {
      String key = f.dedupKey();
      AlertRecord a = alerts.get(key);
      if (a == null || a.getStatus() == AlertStatus.RESOLVED) {
        if (f.suppressed() || staleDrop(a, f)) {
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
        a.setCondition(f.condition().name());
        a.setCandidate(null, null);
        a.setGroupKey(null);
        a.setIncidentFrom(null);
        a.clearHistory();
      }
      seen.add(key);
      if (f.suppressed()) {
        suppressed.add(key);
        suppressedSeries.add(f.seriesId());
      }
      observe(a, f, statuses.get(f.seriesId()), now, judged);
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
        recoverOrHold(a, evaluation, statuses.get(a.getSeriesId()));
      } else if (a.getResolvedAt() != null && now.isAfter(a.getResolvedAt().plus(KEEP_RESOLVED))) {
        alerts.remove(a.getDedupKey());
      }
    }
    alerts.values().stream()
        .filter(
            a ->
                a.getStatus() == AlertStatus.FIRING
                    && a.groupKey() == null
                    && !suppressed.contains(a.getDedupKey())
                    && !silenced(a.getDedupKey(), a.getSeriesId(), now))
        .sorted(
            Comparator.comparing(AlertRecord::getFiredAt).thenComparing(AlertRecord::getSeriesId))
        .toList()
        .forEach(a -> groups.join(a, now));
    List<Notification> out =
        groups.notifications(
            now,
            g ->
                (!g.getMembers().isEmpty() && suppressedSeries.containsAll(g.getMembers()))
                    || silenced(
                        g.getDedupKey(),
                        g.getMembers().size() == 1 ? g.getMembers().get(0) : "",
                        now));
    groups.prune(now, KEEP_RESOLVED);
    for (Silence s : silences) {
      if (s.expired(now)) {
        gaps.add(
            new LearningGap(
                s.matcher(), s.startsAt() == null ? s.endsAt() : s.startsAt(), s.endsAt(), true));
      }
    }
    silences.removeIf(s -> s.expired(now));
    gaps.removeIf(g -> g.to().isBefore(now.minus(KEEP_GAPS)));
    save();
    return out;
  }

  /**
   * A DROP whose CUSUM run started before the series' last resolve: the drop already announced and
   * judged over (the statistic only decays after it), not a new one. It opens nothing until its run
   * restarts.
   */
  private static boolean staleDrop(AlertRecord a, Finding f) {
    return a != null
        && f.condition() == Condition.DROP
        && f.since() != null
        && a.getResolvedAt() != null
        && f.since().isBefore(a.getResolvedAt());
  }

  /** Records a finding on its series' alert: counts, recovery restart, firing, condition change. */
  private void observe(AlertRecord a, Finding f, SeriesStatus status, Instant now, Instant judged) {
    long hourCount = status == null ? 0 : status.eventsThisHour();
    a.setSummary(f.summary(), f.observed(), f.expected());
    a.setSilentSince(f.since());
    a.setWatched(judged, hourCount);
    a.setLastSeenAt(now);
    a.setChannels(f.rule().channels());
    a.setRepeatEvery(f.rule().repeatInterval());
    a.setDropRatio(f.rule().dropRatio());
    a.setRecoveryFrom(judged, hourCount);
    Instant from = f.since() == null || f.since().isAfter(now) ? now : f.since();
    if (a.incidentFrom() == null || from.isBefore(a.incidentFrom())) {
      a.setIncidentFrom(from);
    }
    String condition = f.condition().name();
    if (a.getStatus() == AlertStatus.PENDING) {
      a.setCondition(condition);
      boolean cooling =
          a.getResolvedAt() != null && now.isBefore(a.getResolvedAt().plus(f.rule().cooldown()));
      if (!cooling && !now.isBefore(a.getPendingSince().plus(f.rule().pendingFor()))) {
        a.setStatus(AlertStatus.FIRING);
        a.setFiredAt(now);
        a.setResolvedAt(null);
        a.addHistory(now, NotificationKind.FIRING, condition, f.summary());
      }
    } else if (condition.equals(a.getCondition())) {
      a.setCandidate(null, null);
    } else {
      if (!condition.equals(a.candidateCondition())) {
        a.setCandidate(condition, now);
      }
      if (!now.isBefore(a.candidateSince().plus(settings.updateAfter()))) {
        String previous = a.getCondition();
        String line =
            a.getSeriesId()
                + (IncidentGroups.severity(condition) > IncidentGroups.severity(previous)
                    ? " escalated from "
                    : " eased from ")
                + previous
                + " to "
                + condition
                + ": "
                + f.summary();
        a.setCondition(condition);
        a.setCandidate(null, null);
        a.addHistory(now, NotificationKind.UPDATED, condition, line);
        groups.changed(a, line);
      }
    }
  }

  /**
   * A firing alert its condition no longer finds: resolves when the series is back by its own test
   * (see the class comment), else stays firing.
   */
  private void recoverOrHold(AlertRecord a, Evaluation evaluation, SeriesStatus status) {
    Instant now = evaluation.evaluatedAt();
    RecoveryVerdict verdict = null;
    a.setCandidate(null, null);
    if (Condition.INGESTION_DOWN.name().equals(a.getCondition())) {
      if (a.getLastSeenAt() != null
          && now.isBefore(a.getLastSeenAt().plus(settings.ingestionResolveAfter()))) {
        return;
      }
    } else if (!Condition.BELOW_MINIMUM.name().equals(a.getCondition())) {
      Baseline baseline = evaluation.baselines().get(a.getSeriesId());
      if (status != null && baseline != null && a.recoveryFrom() != null) {
        Instant judged = evaluation.judgedUntil();
        long observed = EventsSince.count(a.recoveryFrom(), a.recoveryHourCount(), status, judged);
        // a silence is the deepest drop: its recovery window must pass the same break-even
        double dropRatio =
            Condition.DROP.name().equals(a.getCondition())
                    || Condition.SILENCE.name().equals(a.getCondition())
                ? a.dropRatio()
                : Double.NaN;
        verdict =
            settings.recovery().judge(baseline, a.recoveryFrom(), judged, observed, dropRatio);
        if (!verdict.back()) {
          if (verdict.decided()) {
            a.setRecoveryFrom(judged, status.eventsThisHour());
          }
          return;
        }
      }
    }
    a.setStatus(AlertStatus.RESOLVED);
    a.setResolvedAt(now);
    String summary = ResolutionSummary.of(a, evaluation, verdict);
    a.setResolvedSummary(summary);
    a.addHistory(now, NotificationKind.RESOLVED, a.getCondition(), summary);
    if (a.incidentFrom() != null && a.getFiredAt() != null) {
      gaps.add(new LearningGap(a.getSeriesId(), a.incidentFrom(), now, false));
    }
    groups.ended(a, now);
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
    AlertRecord a = incidents.get(dedupKey);
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

  /**
   * Copies of the incidents (with their members and history) and of the series alerts not in one
   * (pending, or firing while silenced or replaced by ingestion down): firing first, then pending,
   * then resolved.
   */
  public synchronized List<AlertRecord> alerts() {
    return java.util.stream.Stream.concat(
            incidents.values().stream(),
            alerts.values().stream()
                .filter(a -> a.getStatus() != AlertStatus.RESOLVED && a.groupKey() == null))
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

  /**
   * The hours (by their start) that must not teach the baseline of {@code seriesId}: those
   * overlapping its incidents (firing ones up to now, past ones from the start of the span their
   * condition judged to their resolve) and the silences that matched it (the rules file's, the
   * API's, and API silences that expired). A lasting level shift still re-learns: see the
   * baseline's level factor. The service's evaluator asks for it at every evaluation.
   */
  @Override
  public synchronized Predicate<Instant> forSeries(String seriesId) {
    List<LearningGap> spans = new ArrayList<>();
    for (LearningGap g : gaps) {
      if (g.covers(seriesId, g.from(), g.to())) {
        spans.add(g);
      }
    }
    for (AlertRecord a : alerts.values()) {
      if (a.getSeriesId().equals(seriesId)
          && a.getStatus() == AlertStatus.FIRING
          && a.incidentFrom() != null) {
        spans.add(new LearningGap(seriesId, a.incidentFrom(), Instant.MAX, false));
      }
    }
    List<Silence> all = new ArrayList<>(configSilences);
    all.addAll(silences);
    for (Silence s : all) {
      LearningGap g =
          new LearningGap(
              s.matcher(), s.startsAt() == null ? Instant.EPOCH : s.startsAt(), s.endsAt(), true);
      if (g.covers(seriesId, g.from(), g.to())) {
        spans.add(g);
      }
    }
    List<LearningGap> copy = List.copyOf(spans);
    return hour -> {
      Instant end = hour.plus(Duration.ofHours(1));
      for (LearningGap g : copy) {
        if (g.covers(seriesId, hour, end)) {
          return true;
        }
      }
      return false;
    };
  }

  /** Removes an API silence; false when there is none with that id. */
  public synchronized boolean removeSilence(String id) {
    boolean removed = silences.removeIf(s -> s.id().equals(id));
    if (removed) {
      save();
    }
    return removed;
  }

  private boolean silenced(String dedupKey, String seriesId, Instant now) {
    for (Silence s : configSilences) {
      if (s.matches(dedupKey, seriesId, now)) {
        return true;
      }
    }
    for (Silence s : silences) {
      if (s.matches(dedupKey, seriesId, now)) {
        return true;
      }
    }
    return false;
  }

  private void save() {
    store.save(
        new StateStore.Snapshot(
            alerts.values().stream().map(AlertRecord::copy).toList(),
            List.copyOf(silences),
            incidents.values().stream().map(AlertRecord::copy).toList(),
            List.copyOf(gaps)));
  }

  private static int order(AlertStatus status) {
    return switch (status) {
      case FIRING -> 0;
      case PENDING -> 1;
      case RESOLVED -> 2;
    };
  }
}
