package io.entityflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * How local mode configures the alerting service: the local warehouse, notifications to the console
 * and to a local webhook log file, and the demo's rules.
 *
 * <pre>{@code
 * Map<String, String> props = AlertingSettings.forLocalMode(home);
 * }</pre>
 */
public final class AlertingSettings {
  private AlertingSettings() {}

  /** The alerting service's system properties in local mode. */
  public static Map<String, String> forLocalMode(LocalHome home) {
    return Map.of(
        "entityflow.alerting.warehouse", "local",
        "entityflow.alerting.local.root", home.warehouse().toString(),
        "entityflow.alerting.state-file", home.alertState().toString(),
        "entityflow.alerting.notify.console.enabled", "true",
        "entityflow.alerting.notify.webhook-log.path", home.webhookLog().toString());
  }

  /** A short summary of the notifications sent so far, from the local webhook log. */
  public static String alertSummary(LocalHome home) {
    if (!Files.isRegularFile(home.webhookLog())) {
      return "alerts: none";
    }
    try {
      List<String> lines = Files.readAllLines(home.webhookLog());
      long firing =
          lines.stream().filter(l -> l.contains("\"FIRING\"") || l.contains("\"firing\"")).count();
      long resolved =
          lines.stream()
              .filter(l -> l.contains("\"RESOLVED\"") || l.contains("\"resolved\""))
              .count();
      return "alerts: " + firing + " fired, " + resolved + " resolved";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + home.webhookLog(), e);
    }
  }
}
