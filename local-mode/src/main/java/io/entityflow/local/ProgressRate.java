package io.entityflow.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * The demo's progress line with its rate and backlog: events landed per second since the previous
 * line and the events the demo service published that the warehouse does not hold yet.
 *
 * <pre>{@code
 * ProgressRate rate = new ProgressRate(landedBeforeTheRun);
 * rate.line(report, Instant.now(), ProgressRate.published(home.demoPublished()));
 * // "rows: retail.sale_v1=1204 ... | dead letters: 0 | landed n/a events/s | backlog 1,250 events"
 * // 15 s later: "... | dead letters: 0 | landed 2,310 events/s | backlog 0 events"
 * }</pre>
 *
 * <p>Definitions. <b>Landed</b> = rows of every entity table + dead letters. <b>Rate</b> = landed
 * now minus landed at the previous line, divided by the seconds between the two lines; {@code n/a}
 * on the first line. Below 10 it has one decimal ({@code 1.4}), from 10 on it is rounded and
 * grouped ({@code 2,310}). <b>Backlog</b> = published (confirmed by Pub/Sub, from the demo
 * service's {@code published=} line) minus what landed since the run started (landed now minus
 * {@code landedBefore}, the rows a continued run found). It is never negative: redelivered
 * duplicates (at-least-once) or other publishers can make landed exceed published, and the line
 * then says {@code backlog 0 events}; {@code backlog unknown} while the demo service has not
 * written its count. Not thread-safe: one instance per progress loop.
 */
public final class ProgressRate {
  private final long landedBefore;
  private Instant previousAt;
  private long previousLanded;

  /**
   * @param landedBefore events landed (rows + dead letters) before the demo service started; 0 for
   *     a fresh warehouse
   */
  public ProgressRate(long landedBefore) {
    this.landedBefore = landedBefore;
  }

  /** Rows of every entity table plus dead letters. */
  public static long landed(ProgressReport report) {
    return report.rowsByTable().values().stream().mapToLong(Long::longValue).sum()
        + report.deadLetters();
  }

  /**
   * The {@code published=} count of the demo service's published-counts file; empty when the file
   * is not there yet or has no valid count.
   */
  public static OptionalLong published(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException notYet) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo's published counts " + file, e);
    }
    String value = properties.getProperty("published");
    if (value == null || !value.strip().matches("\\d{1,18}")) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(value.strip()));
  }

  /**
   * The progress line for {@code report} read at {@code now}; remembers it as the previous line.
   *
   * @param published events the demo service published, empty when unknown
   */
  public String line(ProgressReport report, Instant now, OptionalLong published) {
    long landed = landed(report);
    String rate = "n/a";
    if (previousAt != null && now.isAfter(previousAt)) {
      double seconds = Duration.between(previousAt, now).toNanos() / 1e9;
      rate = rate(Math.max(0, landed - previousLanded) / seconds);
    }
    previousAt = now;
    previousLanded = landed;
    String backlog =
        published.isEmpty()
            ? "backlog unknown"
            : "backlog "
                + grouped(Math.max(0, published.getAsLong() - (landed - landedBefore)))
                + " events";
    return report.line() + " | landed " + rate + " events/s | " + backlog;
  }

  private static String rate(double perSecond) {
    return perSecond < 9.95
        ? String.format(Locale.ROOT, "%.1f", perSecond)
        : grouped(Math.round(perSecond));
  }

  private static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
