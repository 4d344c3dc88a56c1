package io.entityflow.alerting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code terraform/modules/alerting}, as the example environment deploys it, agrees with the
 * service: the container port is the port the service listens on under the environment Terraform
 * gives it (Cloud Run passes the port as {@code PORT}), the probes hit the health endpoint, every
 * environment variable Terraform sets is read by the service's configuration, and the Dockerfile
 * exposes that port and runs the shaded jar.
 */
class CloudRunContractIT {
  static CloudRunService terraform;
  static ConfigurationKeys service;
  static Path repository;

  @BeforeAll
  static void parse() throws Exception {
    repository =
        Path.of(System.getProperty("entityflow.repository.root", ".."))
            .toAbsolutePath()
            .normalize();
    terraform = CloudRunService.parse(repository.resolve("terraform"));
    service = ConfigurationKeys.load();
  }

  @Test
  void theServiceListensOnTheContainerPortCloudRunPassesAsPort() {
    Map<String, String> env = new HashMap<>(terraform.environment());
    env.put("PORT", Integer.toString(terraform.containerPort()));

    assertThat(terraform.containerPort()).isEqualTo(8080);
    assertThat(ConfigurationKeys.resolve("micronaut.server.port", env)).contains("8080");
    env.put("PORT", "9123");
    assertThat(ConfigurationKeys.resolve("micronaut.server.port", env)).contains("9123");
  }

  @Test
  void everyEnvironmentVariableTerraformSetsIsReadByTheService() {
    Map<String, TreeSet<String>> keysByVariable = new LinkedHashMap<>();
    terraform.environment().keySet().forEach(v -> keysByVariable.put(v, service.keysSetBy(v)));

    keysByVariable.forEach(
        (variable, keys) ->
            assertThat(keys)
                .as(
                    "configuration keys set by %s (keys of the service: %s; variables in"
                        + " application.yml: %s)",
                    variable, service.keys(), service.placeholderVariables())
                .isNotEmpty());
    assertThat(keysByVariable)
        .containsExactly(
            Map.entry(
                "ENTITYFLOW_ALERTING_WAREHOUSE",
                new TreeSet<>(List.of("entityflow.alerting.warehouse"))),
            Map.entry(
                "ENTITYFLOW_ALERTING_BIGQUERY_PROJECT",
                new TreeSet<>(List.of("entityflow.alerting.bigquery.project"))),
            Map.entry(
                "ENTITYFLOW_ALERTING_CONTRACT",
                new TreeSet<>(List.of("entityflow.alerting.contract"))),
            Map.entry(
                "ENTITYFLOW_ALERTING_BIGQUERY_DATASET_PREFIX",
                new TreeSet<>(List.of("entityflow.alerting.bigquery.dataset-prefix"))),
            Map.entry(
                "ENTITYFLOW_ALERTING_EVALUATION_INTERVAL",
                new TreeSet<>(List.of("entityflow.alerting.evaluation-interval"))),
            Map.entry(
                "ENTITYFLOW_ALERTING_NOTIFY_SLACK_WEBHOOK_URL",
                new TreeSet<>(List.of("entityflow.alerting.notify.slack.webhook-url"))));
  }

  @Test
  void terraformConfiguresTheBigQueryWarehouseOfItsProject() {
    Map<String, String> env = terraform.environment();

    assertThat(ConfigurationKeys.resolve("entityflow.alerting.warehouse", env))
        .contains("bigquery");
    assertThat(ConfigurationKeys.resolve("entityflow.alerting.bigquery.project", env))
        .contains(CloudRunService.TEST_PROJECT);
  }

  @Test
  void theVariablesTheServiceReadsAreDerivedFromItsBuild() {
    assertThat(service.placeholderVariables()).containsExactly("ENTITYFLOW_ALERTING_PORT", "PORT");
    assertThat(service.keys())
        .contains(
            "entityflow.alerting.warehouse",
            "entityflow.alerting.api-token",
            "entityflow.alerting.notify.pagerduty.routing-key");
    assertThat(service.keysSetBy("ENTITYFLOW_PROJECT")).isEmpty();
    assertThat(service.keysSetBy("SLACK_WEBHOOK_URL")).isEmpty();
  }

  @Test
  void bothProbesUseTheHealthEndpointWhichAnswersUp() throws Exception {
    assertThat(terraform.probePath("startup_probe")).isEqualTo("/health");
    assertThat(terraform.probePath("liveness_probe")).isEqualTo("/health");

    Path dir = Files.createTempDirectory("alerting-cloud-run-it");
    try (EmbeddedServer server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.of(
                "micronaut.server.port",
                -1,
                "entityflow.alerting.local.root",
                dir.resolve("warehouse").toString(),
                "entityflow.alerting.state-file",
                dir.resolve("state.json").toString(),
                "entityflow.alerting.scheduler.enabled",
                "false"))) {
      HttpClient http = HttpClient.newHttpClient();
      for (String probe : List.of("startup_probe", "liveness_probe")) {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + server.getPort() + terraform.probePath(probe)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(probe).isEqualTo(200);
        assertThat(health.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
      }
    }
  }

  @Test
  void theDockerfileExposesTheContainerPortAndRunsTheShadedJar() throws Exception {
    Dockerfile dockerfile = Dockerfile.read(repository.resolve("alerting/Dockerfile"));
    Path jar = Path.of(System.getProperty("entityflow.alerting.jar"));

    assertThat(dockerfile.exposedPort()).isEqualTo(terraform.containerPort());
    assertThat(dockerfile.copiedJar()).isEqualTo("target/" + jar.getFileName());
    assertThat(dockerfile.entrypoint())
        .startsWith("java")
        .containsSequence("-jar", dockerfile.jarInImage());
  }
}
