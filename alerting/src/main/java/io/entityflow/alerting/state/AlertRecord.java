package io.entityflow.alerting.state;

import io.entityflow.alerting.notify.IncidentUpdate;
import io.entityflow.alerting.notify.NotificationKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The persisted state of one alert, keyed by its dedup key: either a series' own incident (one per
 * rule and series, whatever its condition: SILENCE and DROP are one incident whose condition
 * changes) or an incident as notified, which lists its {@link #getMembers() member series} and its
 * {@link #getHistory() history}. Mutated only by {@link AlertLifecycle} under its lock; the API
 * gets copies.
 *
 * <pre>{@code
 * AlertRecord a = lifecycle.alerts().get(0);
 * a.getStatus(); a.getDedupKey(); a.getSummary();
 * }</pre>
 */
public final class AlertRecord {
  private String dedupKey;
  private String ruleId;
  private String seriesId;
  private String condition;
  private AlertStatus status;
  private String summary;
  private double observed;
  private double expected;
  private Instant pendingSince;
  private Instant firedAt;
  private Instant lastNotifiedAt;
  private boolean notified;
  private Instant resolvedAt;
  private Instant lastSeenAt;
  private List<String> channels = new ArrayList<>();
  private boolean resolveUndelivered;
  private String resolvedSummary;
  private Instant silentSince;
  private Instant watchedUntil;
  private long watchedHourCount;
  private List<String> members = new ArrayList<>();
  private List<IncidentUpdate> history = new ArrayList<>();
  private String groupKey;
  private Instant recoveryFrom;
  private long recoveryHourCount;
  private String candidateCondition;
  private Instant candidateSince;
  private Duration repeatEvery;
  private Instant incidentFrom;
  private double dropRatio;

  /** For the JSON reader. */
  public AlertRecord() {}

  AlertRecord(String dedupKey, String ruleId, String seriesId, String condition) {
    this.dedupKey = dedupKey;
    this.ruleId = ruleId;
    this.seriesId = seriesId;
    this.condition = condition;
  }

  AlertRecord copy() {
    AlertRecord c = new AlertRecord(dedupKey, ruleId, seriesId, condition);
    c.status = status;
    c.summary = summary;
    c.observed = observed;
    c.expected = expected;
    c.pendingSince = pendingSince;
    c.firedAt = firedAt;
    c.lastNotifiedAt = lastNotifiedAt;
    c.notified = notified;
    c.resolvedAt = resolvedAt;
    c.lastSeenAt = lastSeenAt;
    c.channels = new ArrayList<>(channels);
    c.resolveUndelivered = resolveUndelivered;
    c.resolvedSummary = resolvedSummary;
    c.silentSince = silentSince;
    c.watchedUntil = watchedUntil;
    c.watchedHourCount = watchedHourCount;
    c.members = new ArrayList<>(members);
    c.history = new ArrayList<>(history);
    c.groupKey = groupKey;
    c.recoveryFrom = recoveryFrom;
    c.recoveryHourCount = recoveryHourCount;
    c.candidateCondition = candidateCondition;
    c.candidateSince = candidateSince;
    c.repeatEvery = repeatEvery;
    c.incidentFrom = incidentFrom;
    c.dropRatio = dropRatio;
    return c;
  }

  public String getDedupKey() {
    return dedupKey;
  }

  public String getRuleId() {
    return ruleId;
  }

  public String getSeriesId() {
    return seriesId;
  }

  public String getCondition() {
    return condition;
  }

  public AlertStatus getStatus() {
    return status;
  }

  public String getSummary() {
    return summary;
  }

  public double getObserved() {
    return observed;
  }

  public double getExpected() {
    return expected;
  }

  public Instant getPendingSince() {
    return pendingSince;
  }

  public Instant getFiredAt() {
    return firedAt;
  }

  public Instant getLastNotifiedAt() {
    return lastNotifiedAt;
  }

  public boolean isNotified() {
    return notified;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }

  public Instant getLastSeenAt() {
    return lastSeenAt;
  }

  public List<String> getChannels() {
    return List.copyOf(channels);
  }

  /** True while a resolved notification reached no channel (sent again at the next evaluation). */
  public boolean isResolveUndelivered() {
    return resolveUndelivered;
  }

  /** What the resolved notification says (what came back), or null before the resolve. */
  public String getResolvedSummary() {
    return resolvedSummary;
  }

  /** Start of the span the condition judged (the last event before a silence), or null. */
  public Instant getSilentSince() {
    return silentSince;
  }

  /** The judged instant of the last evaluation that still saw the condition, or null. */
  public Instant getWatchedUntil() {
    return watchedUntil;
  }

  /** Events of the series in the hour containing {@link #getWatchedUntil()}, up to it. */
  public long getWatchedHourCount() {
    return watchedHourCount;
  }

  /**
   * The series of an incident: one for a single series, several when series of one entity or domain
   * went quiet together (empty for a series' own pending alert).
   */
  public List<String> getMembers() {
    return List.copyOf(members);
  }

  /** The incident's history, oldest first: fired, each update, resolved. */
  public List<IncidentUpdate> getHistory() {
    return List.copyOf(history);
  }

  List<String> members() {
    return members;
  }

  void addHistory(Instant at, NotificationKind kind, String condition, String summary) {
    history.add(new IncidentUpdate(at, kind, condition, summary));
  }

  void clearHistory() {
    history.clear();
  }

  String groupKey() {
    return groupKey;
  }

  void setGroupKey(String key) {
    this.groupKey = key;
  }

  Instant recoveryFrom() {
    return recoveryFrom;
  }

  long recoveryHourCount() {
    return recoveryHourCount;
  }

  void setRecoveryFrom(Instant from, long hourCount) {
    this.recoveryFrom = from;
    this.recoveryHourCount = hourCount;
  }

  String candidateCondition() {
    return candidateCondition;
  }

  Instant candidateSince() {
    return candidateSince;
  }

  void setCandidate(String condition, Instant since) {
    this.candidateCondition = condition;
    this.candidateSince = since;
  }

  Duration repeatEvery() {
    return repeatEvery;
  }

  /** The partial drop the rule's CUSUM looks for; 0 when unknown (a state file from before). */
  double dropRatio() {
    return dropRatio;
  }

  void setDropRatio(double ratio) {
    this.dropRatio = ratio;
  }

  void setRepeatEvery(Duration every) {
    this.repeatEvery = every;
  }

  /** Start of the span the incident judged abnormal (its earliest finding's span start). */
  Instant incidentFrom() {
    return incidentFrom;
  }

  void setIncidentFrom(Instant from) {
    this.incidentFrom = from;
  }

  void setDedupKey(String key) {
    this.dedupKey = key;
  }

  void setCondition(String condition) {
    this.condition = condition;
  }

  void setSeriesId(String seriesId) {
    this.seriesId = seriesId;
  }

  void setResolveUndelivered(boolean undelivered) {
    this.resolveUndelivered = undelivered;
  }

  void setResolvedSummary(String summary) {
    this.resolvedSummary = summary;
  }

  void setSilentSince(Instant t) {
    this.silentSince = t;
  }

  void setWatched(Instant judgedUntil, long hourCount) {
    this.watchedUntil = judgedUntil;
    this.watchedHourCount = hourCount;
  }

  void setStatus(AlertStatus status) {
    this.status = status;
  }

  void setSummary(String summary, double observed, double expected) {
    this.summary = summary;
    this.observed = observed;
    this.expected = expected;
  }

  void setPendingSince(Instant t) {
    this.pendingSince = t;
  }

  void setFiredAt(Instant t) {
    this.firedAt = t;
  }

  void setLastNotifiedAt(Instant t) {
    this.lastNotifiedAt = t;
  }

  void setNotified(boolean notified) {
    this.notified = notified;
  }

  void setResolvedAt(Instant t) {
    this.resolvedAt = t;
  }

  void setLastSeenAt(Instant t) {
    this.lastSeenAt = t;
  }

  void setChannels(List<String> channels) {
    this.channels = new ArrayList<>(channels);
  }
}
