package io.entityflow.alerting.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts the documented {@link WebhookPayload} JSON to any URL, signed: header {@value
 * #SIGNATURE_HEADER} is {@code sha256=} and the hex HMAC-SHA256 of the exact body bytes with the
 * shared secret. Receivers recompute it to authenticate the sender.
 *
 * <pre>{@code
 * new WebhookChannel("ops-webhook", URI.create("https://ops.example/hooks/entityflow"), secret, poster);
 * }</pre>
 *
 * <p>Guarantees: the secret never appears in errors or {@link #toString()}.
 */
public final class WebhookChannel implements NotificationChannel {
  /** The signature header. */
  public static final String SIGNATURE_HEADER = "X-Entityflow-Signature";

  private final String name;
  private final URI url;
  private final byte[] secret;
  private final HttpJsonPoster poster;

  /** Creates the channel; {@code secret} may be empty (then no signature header is sent). */
  public WebhookChannel(String name, URI url, String secret, HttpJsonPoster poster) {
    this.name = name;
    this.url = url;
    this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    this.poster = poster;
  }

  /** {@code sha256=<hex HMAC-SHA256 of body>}. */
  public static String signature(byte[] secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return "sha256="
          + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(Notification n) throws DeliveryException {
    String body = WebhookPayload.json(n);
    Map<String, String> headers =
        secret.length == 0 ? Map.of() : Map.of(SIGNATURE_HEADER, signature(secret, body));
    poster.post(name, url, body, headers);
  }

  @Override
  public String toString() {
    return "WebhookChannel{" + name + "}";
  }
}
