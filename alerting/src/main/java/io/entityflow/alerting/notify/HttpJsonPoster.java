package io.entityflow.alerting.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Posts a JSON body with the JDK HTTP client and maps the response to success or a {@link
 * DeliveryException}: 2xx succeeds, 429 and 5xx are retryable (with {@code Retry-After} when
 * given), other statuses are not.
 *
 * <pre>{@code
 * new HttpJsonPoster(Duration.ofSeconds(10)).post("slack", uri, body, Map.of());
 * }</pre>
 *
 * <p>Guarantees: error messages name the channel and the status, never the URL.
 */
public final class HttpJsonPoster {
  private final HttpClient client;
  private final Duration timeout;

  /** Creates a poster with a request timeout. */
  public HttpJsonPoster(Duration timeout) {
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.timeout = timeout;
  }

  /** Posts {@code body} and returns the response body. */
  public String post(String channel, URI uri, String body, Map<String, String> headers)
      throws DeliveryException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DeliveryException(
          channel + ": cannot reach the endpoint (" + e.getClass().getSimpleName() + ")",
          null,
          true,
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException(channel + ": interrupted", null, false, null);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response.body();
    }
    Duration retryAfter =
        response.headers().firstValue("Retry-After").map(HttpJsonPoster::seconds).orElse(null);
    boolean retryable = status == 429 || status >= 500;
    throw new DeliveryException(channel + ": HTTP " + status, retryAfter, retryable, null);
  }

  private static Duration seconds(String value) {
    try {
      return Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
