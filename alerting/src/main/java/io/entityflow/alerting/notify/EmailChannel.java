package io.entityflow.alerting.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Sends plain-text email over SMTP (Jakarta Mail). Subject: the notification title; body: the
 * summary, observed and expected counts and the dedup key.
 *
 * <pre>{@code
 * new EmailChannel("email", new EmailChannel.Smtp("smtp.example.com", 587, true, user, password),
 *     "alerts@example.com", List.of("oncall@example.com"));
 * }</pre>
 *
 * <p>Guarantees: the password never appears in errors or {@link #toString()}.
 */
public final class EmailChannel implements NotificationChannel {
  private final String name;
  private final Smtp smtp;
  private final String from;
  private final List<String> to;

  /**
   * SMTP server settings.
   *
   * @param host host
   * @param port port
   * @param startTls whether to require STARTTLS
   * @param username user, or null for no authentication
   * @param password password, or null
   */
  public record Smtp(String host, int port, boolean startTls, String username, String password) {
    @Override
    public String toString() {
      return "Smtp{" + host + ":" + port + "}";
    }
  }

  /** Creates the channel. */
  public EmailChannel(String name, Smtp smtp, String from, List<String> to) {
    if (to.isEmpty()) {
      throw new IllegalArgumentException("email channel '" + name + "' needs at least one 'to'");
    }
    this.name = name;
    this.smtp = smtp;
    this.from = from;
    this.to = List.copyOf(to);
  }

  /** The plain-text body of a notification. */
  public static String body(Notification n) {
    return n.summary()
        + "\n\nSeries: "
        + n.seriesId()
        + "\nRule: "
        + n.ruleId()
        + "\nObserved: "
        + Math.round(n.observed())
        + "\nExpected: "
        + Math.round(n.expected() * 10) / 10.0
        + "\nDedup key: "
        + n.dedupKey()
        + "\n";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(Notification n) throws DeliveryException {
    Properties props = new Properties();
    props.put("mail.smtp.host", smtp.host());
    props.put("mail.smtp.port", String.valueOf(smtp.port()));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "10000");
    props.put("mail.smtp.starttls.enable", String.valueOf(smtp.startTls()));
    props.put("mail.smtp.starttls.required", String.valueOf(smtp.startTls()));
    Authenticator auth = null;
    if (smtp.username() != null) {
      props.put("mail.smtp.auth", "true");
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(smtp.username(), smtp.password());
            }
          };
    }
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(props, auth));
      message.setFrom(new InternetAddress(from));
      for (String address : to) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
      }
      message.setSubject(n.title() + (n.repeat() ? " (still firing)" : ""), "UTF-8");
      message.setSentDate(Date.from(n.at()));
      message.setText(body(n), "UTF-8");
      Transport.send(message);
    } catch (MessagingException e) {
      throw new DeliveryException(
          name
              + ": SMTP send via "
              + smtp.host()
              + ":"
              + smtp.port()
              + " failed ("
              + e.getClass().getSimpleName()
              + ")",
          null,
          true,
          null);
    }
  }

  @Override
  public String toString() {
    return "EmailChannel{" + name + "}";
  }
}
