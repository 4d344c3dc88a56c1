package io.entityflow.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code entityflow.demo.*}: how busy the simulated business is and when its outage happens.
 *
 * <pre>{@code
 * entityflow:
 *   demo:
 *     day-length: 10m          # one simulated day of traffic takes ten real minutes
 *     peak-sales-per-minute: 120
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
  private Duration dayLength = Duration.ofMinutes(10);
  private Duration tick = Duration.ofMillis(250);
  private double peakSalesPerMinute = 120;
  private double signupsPerSale = 0.1;
  private double membershipShare = 0.4;
  private long seed = 42;
  private Outage outage = new Outage();

  /** {@code enabled} (default true): false starts the service without traffic. */
  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** {@code day-length} (default 10m): real time one simulated day of traffic takes. */
  public Duration getDayLength() {
    return dayLength;
  }

  public void setDayLength(Duration dayLength) {
    this.dayLength = dayLength;
  }

  /** {@code tick} (default 250ms): how often events are generated. */
  public Duration getTick() {
    return tick;
  }

  public void setTick(Duration tick) {
    this.tick = tick;
  }

  /** {@code peak-sales-per-minute} (default 120): sales per real minute at the daily peak. */
  public double getPeakSalesPerMinute() {
    return peakSalesPerMinute;
  }

  public void setPeakSalesPerMinute(double peakSalesPerMinute) {
    this.peakSalesPerMinute = peakSalesPerMinute;
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

    /** {@code outage.start-after} (default 4m): time from start to the outage. */
    public Duration getStartAfter() {
      return startAfter;
    }

    public void setStartAfter(Duration startAfter) {
      this.startAfter = startAfter;
    }

    /** {@code outage.duration} (default 3m): how long the events stay away. */
    public Duration getDuration() {
      return duration;
    }

    public void setDuration(Duration duration) {
      this.duration = duration;
    }
  }
}
