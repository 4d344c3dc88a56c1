package io.entityflow.pipelines.lineage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs each run event as JSON to {@code <url>/api/v1/lineage}, the path of the OpenLineage HTTP
 * transport and of Marquez's lineage API (<a
 * href="https://openlineage.io/docs/client/java/configuration">OpenLineage client
 * configuration</a>).
 *
 * <pre>{@code
 * new HttpLineageTransport("http://marquez:5000").send(json);  // POST http://marquez:5000/api/v1/lineage
 * }</pre>
 *
 * <p>Guarantees: {@code Content-Type: application/json}, UTF-8 body; any status outside 2xx, a
 * timeout (10 s) or a connection error throws an {@link IOException} with the status or the error,
 * never the body (the caller names the endpoint, {@link #target()}).
 */
public final class HttpLineageTransport implements LineageTransport {
  /** Path of the lineage API below the base URL. */
  public static final String PATH = "/api/v1/lineage";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI endpoint;
  private final HttpClient client;

  /** Posts to {@code baseUrl + "/api/v1/lineage"} (a trailing slash of the base URL is dropped). */
  public HttpLineageTransport(String baseUrl) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    try {
      this.endpoint = URI.create(base + PATH);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--openLineageUrl '" + baseUrl + "' is not a URL; allowed: e.g. http://marquez:5000", e);
    }
    if (endpoint.getScheme() == null
        || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))) {
      throw new IllegalArgumentException(
          "--openLineageUrl '"
              + baseUrl
              + "' is not an http(s) URL; allowed: e.g. http://marquez:5000");
    }
    this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  @Override
  public void send(String json) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<Void> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while posting to " + endpoint, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException("answered HTTP " + response.statusCode());
    }
  }

  @Override
  public String target() {
    return endpoint.toString();
  }
}
