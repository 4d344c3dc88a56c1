package io.entityflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How local mode configures the alerting service: the local warehouse, notifications to the console
 * and to a local webhook log file, and the demo's rules.
 *
 * <pre>{@code
 * Map<String, String> props = AlertingSettings.forLocalMode(home);
 * }</pre>
 */
public final class AlertingSettings {
  /** The webhook JSON's leading status and repeat flag (its history repeats kinds later on). */
  private static final Pattern STATUS =
      Pattern.compile("^\\{\"version\":\"1\",\"status\":\"([a-z]+)\",\"repeat\":(true|false)");

  private AlertingSettings() {}

  /**
   * The alerting service's system properties in local mode: the local warehouse, state and the
   * webhook log under the data home, the demo's compressed clock, an evaluation every simulated
   * minute, and the API token for mutations.
   */
  public static Map<String, String> forLocalMode(
      LocalHome home, DemoTimeline timeline, String apiToken) {
    Map<String, String> properties = new java.util.LinkedHashMap<>();
    properties.put("entityflow.alerting.warehouse", "local");
    properties.put("entityflow.alerting.local.root", home.warehouse().toString());
    properties.put("entityflow.alerting.state-file", home.alertState().toString());
    properties.put("entityflow.alerting.clock-speed", Double.toString(timeline.speed()));
    properties.put("entityflow.alerting.clock-start", timeline.start().toString());
    properties.put("entityflow.alerting.clock-anchor", timeline.anchor().toString());
    properties.put("entityflow.alerting.evaluation-interval", "PT1M");
    properties.put("entityflow.alerting.api-token", apiToken);
    properties.put("entityflow.alerting.notify.console.enabled", "true");
    properties.put("entityflow.alerting.notify.webhook-log.enabled", "true");
    properties.put("entityflow.alerting.notify.webhook-log.file", home.webhookLog().toString());
    properties.put("entityflow.alerting.rules-file", writeRules(home).toString());
    return properties;
  }

  /**
   * Local mode's rules file: every condition must hold for ten simulated minutes (20 real seconds)
   * before it fires, so the pipeline's few seconds of latency, which the compressed clock stretches
   * into simulated minutes, do not raise alerts.
   */
  static java.nio.file.Path writeRules(LocalHome home) {
    java.nio.file.Path rules = home.alertRules();
    try {
      Files.createDirectories(home.home());
      Files.writeString(
          rules,
          "# Written by entityflow demo; see alerting/README.md for every key.\n"
              + "defaults:\n"
              + "  pending-for: PT10M\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + rules, e);
    }
    return rules;
  }

  /** The demo service's system properties on the same timeline. */
  public static Map<String, String> demoService(DemoTimeline timeline, boolean outage) {
    Map<String, String> properties = new java.util.LinkedHashMap<>();
    properties.put("entityflow.demo.clock-start", timeline.start().toString());
    properties.put("entityflow.demo.clock-anchor", timeline.anchor().toString());
    properties.put("entityflow.demo.clock-speed", Double.toString(timeline.speed()));
    properties.put("entityflow.demo.backfill", timeline.history().toString());
    properties.put("entityflow.demo.outage.enabled", Boolean.toString(outage));
    return properties;
  }

  /**
   * A short summary of the notifications sent so far, from the local webhook log: pages (first
   * FIRING of an incident), updates (escalations, series joining or recovering; reminders) and
   * resolves, e.g. {@code alerts: 1 fired, 2 updated, 1 resolved}.
   */
  public static String alertSummary(LocalHome home) {
    if (!Files.isRegularFile(home.webhookLog())) {
      return "alerts: none";
    }
    try {
      long fired = 0;
      long updated = 0;
      long resolved = 0;
      for (String line : Files.readAllLines(home.webhookLog())) {
        Matcher m = STATUS.matcher(line);
        if (!m.find()) {
          continue;
        }
        switch (m.group(1)) {
          case "firing" -> {
            if ("false".equals(m.group(2))) {
              fired++;
            } else {
              updated++;
            }
          }
          case "updated" -> updated++;
          case "resolved" -> resolved++;
          default -> {}
        }
      }
      return "alerts: " + fired + " fired, " + updated + " updated, " + resolved + " resolved";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + home.webhookLog(), e);
    }
  }
}
