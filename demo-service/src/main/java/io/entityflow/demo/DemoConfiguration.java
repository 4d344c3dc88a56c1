package io.entityflow.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code entityflow.demo.*}: how busy the simulated business is and when its outage happens.
 *
 * <pre>{@code
 * entityflow:
 *   demo:
 *     clock-speed: 60          # one simulated hour per real minute
 *     clock-start: 2026-11-16T08:00:00Z
 *     backfill: P8D            # history published at start-up, before clock-start
 *     peak-sales-per-hour: 120
 *     outage:
 *       entity: Sale
 *       operation: CREATED
 *       start-after: 4m
 *       duration: 3m
 * }</pre>
 */
@ConfigurationProperties(DemoConfiguration.PREFIX)
public class DemoConfiguration {
  /** The prefix of every key. */
  public static final String PREFIX = "entityflow.demo";

  private boolean enabled = true;
  private double clockSpeed = 60;
  private Instant clockStart;
  private Instant clockAnchor;
  private Duration backfill = Duration.ZERO;
  private Duration tick = Duration.ofMillis(250);
  private double peakSalesPerHour = 120;
  private double signupsPerSale = 0.1;
  private double membershipShare = 0.4;
  private long seed = 42;
  private Outage outage = new Outage();
  private String publishedCountsFile;

  /** {@code enabled} (default true): false starts the service without traffic. */
  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** {@code clock-speed} (default 60): simulated seconds per real second. */
  public double getClockSpeed() {
    return clockSpeed;
  }

  public void setClockSpeed(double clockSpeed) {
    this.clockSpeed = clockSpeed;
  }

  /**
   * {@code clock-start} (default: start-up time minus one day): simulated time at start-up; local
   * mode sets it so the alerting service shares the clock.
   */
  public Instant getClockStart() {
    return clockStart;
  }

  public void setClockStart(Instant clockStart) {
    this.clockStart = clockStart;
  }

  /**
   * {@code clock-anchor} (default: start-up time): the real instant at which the simulated clock
   * reads {@code clock-start}; local mode gives the alerting service the same anchor.
   */
  public Instant getClockAnchor() {
    return clockAnchor;
  }

  public void setClockAnchor(Instant clockAnchor) {
    this.clockAnchor = clockAnchor;
  }

  /**
   * {@code backfill} (default 0): simulated history published at start-up, ending at {@code
   * clock-start}, so learned baselines have data (the alerting service needs 7 days).
   */
  public Duration getBackfill() {
    return backfill;
  }

  public void setBackfill(Duration backfill) {
    this.backfill = backfill;
  }

  /** {@code tick} (default 250ms): how often events are generated. */
  public Duration getTick() {
    return tick;
  }

  public void setTick(Duration tick) {
    this.tick = tick;
  }

  /** {@code peak-sales-per-hour} (default 120): sales per simulated hour at the daily peak. */
  public double getPeakSalesPerHour() {
    return peakSalesPerHour;
  }

  public void setPeakSalesPerHour(double peakSalesPerHour) {
    this.peakSalesPerHour = peakSalesPerHour;
  }

  /** {@code signups-per-sale} (default 0.1): new customers per sale. */
  public double getSignupsPerSale() {
    return signupsPerSale;
  }

  public void setSignupsPerSale(double signupsPerSale) {
    this.signupsPerSale = signupsPerSale;
  }

  /**
   * {@code membership-share} (default 0.4): share of new customers joining the loyalty programme.
   */
  public double getMembershipShare() {
    return membershipShare;
  }

  public void setMembershipShare(double membershipShare) {
    this.membershipShare = membershipShare;
  }

  /** {@code seed} (default 42): random seed, for repeatable runs. */
  public long getSeed() {
    return seed;
  }

  public void setSeed(long seed) {
    this.seed = seed;
  }

  /**
   * {@code published-counts-file} (default none): where {@link PublishedCountsFile} keeps the
   * events Pub/Sub confirmed, for local mode's backlog; unset writes nothing.
   */
  public String getPublishedCountsFile() {
    return publishedCountsFile;
  }

  public void setPublishedCountsFile(String publishedCountsFile) {
    this.publishedCountsFile = publishedCountsFile;
  }

  /** {@code outage.*}: the scheduled stop of one kind of event. */
  public Outage getOutage() {
    return outage;
  }

  public void setOutage(Outage outage) {
    this.outage = outage;
  }

  /** {@code entityflow.demo.outage.*}. */
  @ConfigurationProperties("outage")
  public static class Outage {
    private boolean enabled = true;
    private String entity = "Sale";
    private String operation = "CREATED";
    private Duration startAfter = Duration.ofMinutes(4);
    private Duration duration = Duration.ofMinutes(3);

    /** {@code outage.enabled} (default true). */
    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** {@code outage.entity} (default Sale): entity whose events stop. */
    public String getEntity() {
      return entity;
    }

    public void setEntity(String entity) {
      this.entity = entity;
    }

    /** {@code outage.operation} (default CREATED): operation that stops. */
    public String getOperation() {
      return operation;
    }

    public void setOperation(String operation) {
      this.operation = operation;
    }

    /** {@code outage.start-after} (default 4m): real time from start to the outage. */
    public Duration getStartAfter() {
      return startAfter;
    }

    public void setStartAfter(Duration startAfter) {
      this.startAfter = startAfter;
    }

    /** {@code outage.duration} (default 3m): real time the events stay away. */
    public Duration getDuration() {
      return duration;
    }

    public void setDuration(Duration duration) {
      this.duration = duration;
    }
  }
}
