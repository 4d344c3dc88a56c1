package io.entityflow.alerting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded jar the container runs, with the Dockerfile's entrypoint (its {@code java} and
 * jar path swapped for this JVM's and the built jar) and only {@code PORT}, the contract plus a
 * local warehouse in a temporary directory as configuration: it answers the health endpoint on that
 * port, serves its status page from the jar, and stops on SIGTERM as Cloud Run stops it.
 */
class ShadedJarIT {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Process process;
  Path dir;

  @AfterEach
  void stop() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void theShadedJarAnswersHealthOnPortAndStopsOnSigterm() throws Exception {
    Path jar = Path.of(System.getProperty("entityflow.alerting.jar"));
    Path repository = Path.of(System.getProperty("entityflow.repository.root", ".."));
    Dockerfile dockerfile = Dockerfile.read(repository.resolve("alerting/Dockerfile"));
    dir = Files.createTempDirectory("alerting-shaded-jar-it");
    int port = freePort();
    Path log = dir.resolve("service.log");

    List<String> command = new ArrayList<>();
    for (String part : dockerfile.entrypoint()) {
      if (part.equals("java")) {
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      } else if (part.equals(dockerfile.jarInImage())) {
        command.add(jar.toString());
      } else {
        command.add(part);
      }
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.equals("PORT") || k.startsWith("ENTITYFLOW_"));
    env.put("PORT", Integer.toString(port));
    env.put("ENTITYFLOW_ALERTING_LOCAL_ROOT", dir.resolve("warehouse").toString());
    env.put("ENTITYFLOW_ALERTING_STATE_FILE", dir.resolve("state.json").toString());
    // The jar carries no contract: as on Cloud Run, the service reads the one it is given.
    env.put(
        "ENTITYFLOW_ALERTING_CONTRACT",
        repository
            .resolve("examples/acme-contract/target/classes/entityflow/contract.desc")
            .toString());
    long started = System.nanoTime();
    process = builder.start();

    HttpResponse<String> health = awaitHealth(port, log);
    System.out.printf(
        "shaded jar (%d bytes) answered /health after %d ms; its log: %s%n",
        Files.size(jar),
        (System.nanoTime() - started) / 1_000_000,
        Files.readAllLines(log).stream()
            .filter(l -> l.contains("Startup completed"))
            .findFirst()
            .orElse("(no start-up line)"));

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    HttpResponse<String> page = get(port, "/status/index.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script src=\"status.js\"");

    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS))
        .as("the service stops on SIGTERM; its log:\n%s", tail(log))
        .isTrue();
    assertThat(Files.readString(log)).contains("Embedded Application shutting down");
  }

  /** Polls /health until it answers (at most 600 attempts, 250 ms apart) or the process exits. */
  private HttpResponse<String> awaitHealth(int port, Path log) throws Exception {
    for (int attempt = 0; attempt < 600; attempt++) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "the service exited with "
                + process.exitValue()
                + " before answering; its log:\n"
                + tail(log));
      }
      try {
        HttpResponse<String> response = get(port, "/health");
        if (response.statusCode() == 200) {
          return response;
        }
      } catch (ConnectException notYetListening) {
        // keep polling
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no answer from /health on port " + port + "; log:\n" + tail(log));
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
