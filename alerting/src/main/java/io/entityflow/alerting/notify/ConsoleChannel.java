package io.entityflow.alerting.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each notification as one line (logger {@code io.entityflow.alerting.notify.ConsoleChannel},
 * level WARN for firing, INFO for resolved): title, summary and dedup key. For local mode.
 *
 * <pre>{@code
 * new ConsoleChannel("console").send(notification);
 * }</pre>
 */
public final class ConsoleChannel implements NotificationChannel {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleChannel.class);
  private final String name;

  /** Creates the channel. */
  public ConsoleChannel(String name) {
    this.name = name;
  }

  /** The logged line. */
  public static String line(Notification n) {
    return n.title()
        + (n.repeat() ? " (still firing)" : "")
        + ": "
        + n.summary()
        + " ["
        + n.dedupKey()
        + "]";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(Notification n) {
    if (n.kind() == NotificationKind.FIRING) {
      LOG.warn("{}", line(n));
    } else {
      LOG.info("{}", line(n));
    }
  }
}
