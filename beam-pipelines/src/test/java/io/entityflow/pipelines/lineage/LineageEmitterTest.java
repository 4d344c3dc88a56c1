package io.entityflow.pipelines.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.EntitySelection;
import io.entityflow.pipelines.EntityTopicsToBigQuery;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import io.entityflow.pipelines.options.WarehouseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run events of a pipeline run: exact JSON, lifecycle around the run, failures contained. */
class LineageEmitterTest {
  private static final EntityRegistry REGISTRY = EntityRegistry.load();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T10:15:30.123Z"), ZoneOffset.UTC);
  private static final UUID RUN = UUID.fromString("3b452093-782c-4ef2-9c0c-aafe2aa6f34d");

  @TempDir Path dir;

  @Test
  void startEventOfTwoEntitiesIsTheExactOpenLineageRunEvent() {
    EntityTopicsToBigQueryOptions options = options();
    options.setOpenLineageSchemaFacets(false);

    String event = emitter(options, List.of()).event("START");

    assertThat(event)
        .isEqualTo(
            "{\"eventType\":\"START\",\"eventTime\":\"2026-12-05T10:15:30.123Z\","
                + "\"run\":{\"runId\":\"3b452093-782c-4ef2-9c0c-aafe2aa6f34d\"},"
                + "\"job\":{\"namespace\":\"acme-prod\",\"name\":\"entity-topics-to-bigquery\"},"
                + "\"inputs\":["
                + "{\"namespace\":\"pubsub\",\"name\":\"topic:acme-events:sale_v1\"},"
                + "{\"namespace\":\"pubsub\",\"name\":\"topic:acme-events:customer_v1\"}],"
                + "\"outputs\":["
                + "{\"namespace\":\"bigquery\",\"name\":\"acme-analytics.prod_retail.sale_v1\"},"
                + "{\"namespace\":\"bigquery\",\"name\":\"acme-analytics.prod_retail.customer_v1\"},"
                + "{\"namespace\":\"bigquery\",\"name\":\"acme-analytics.prod_entityflow.dead_letter\"},"
                + "{\"namespace\":\"bigquery\","
                + "\"name\":\"acme-analytics.prod_entityflow.pipeline_heartbeat\"}],"
                + "\"producer\":\"urn:entityflow:beam-pipelines\","
                + "\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\"}");
  }

  @Test
  void outputTablesCarryTheSchemaFacetOfTheirColumns() {
    String event = emitter(options(), List.of()).event("START");

    assertThat(event)
        .contains(
            "{\"namespace\":\"bigquery\",\"name\":\"acme-analytics.prod_entityflow.pipeline_heartbeat\","
                + "\"facets\":{\"schema\":{\"_producer\":\"urn:entityflow:beam-pipelines\","
                + "\"_schemaURL\":\"https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json"
                + "#/$defs/SchemaDatasetFacet\",\"fields\":[{\"name\":\"pipeline\",\"type\":\"STRING\"");
  }

  @Test
  void localWarehouseTablesAreNamedByTheirDirectory() {
    EntityTopicsToBigQueryOptions options = options();
    options.setOpenLineageSchemaFacets(false);
    options.setWarehouse(WarehouseKind.LOCAL);
    options.setWarehouseDir(dir.resolve("warehouse").toString());

    String event = emitter(options, List.of()).event("START");

    assertThat(event)
        .contains(
            "{\"namespace\":\"file\",\"name\":\""
                + dir.resolve("warehouse/retail/sale_v1")
                + "\"}");
  }

  @Test
  void jobNameOptionReplacesThePipelineName() {
    EntityTopicsToBigQueryOptions options = options();
    options.setOpenLineageJobName("entityflow-pipeline");

    assertThat(emitter(options, List.of()).event("START"))
        .contains("\"job\":{\"namespace\":\"acme-prod\",\"name\":\"entityflow-pipeline\"}");
  }

  @Test
  void finishedRunSendsStartThenComplete() {
    Recording recording = new Recording();

    emitter(options(), List.of(recording))
        .observe(() -> new FixedResult(PipelineResult.State.DONE));

    assertThat(recording.eventTypes()).containsExactly("START", "COMPLETE");
  }

  @Test
  void failedAndCancelledRunsSendFailAndAbort() {
    Recording failed = new Recording();
    Recording cancelled = new Recording();

    emitter(options(), List.of(failed)).observe(() -> new FixedResult(PipelineResult.State.FAILED));
    emitter(options(), List.of(cancelled))
        .observe(() -> new FixedResult(PipelineResult.State.CANCELLED));

    assertThat(failed.eventTypes()).containsExactly("START", "FAIL");
    assertThat(cancelled.eventTypes()).containsExactly("START", "ABORT");
  }

  @Test
  void runningStreamingJobSendsOnlyStart() {
    Recording recording = new Recording();

    emitter(options(), List.of(recording))
        .observe(() -> new FixedResult(PipelineResult.State.RUNNING));

    assertThat(recording.eventTypes()).containsExactly("START");
  }

  @Test
  void runMethodThrowingSendsFailAndRethrows() {
    Recording recording = new Recording();
    LineageEmitter emitter = emitter(options(), List.of(recording));

    assertThatThrownBy(
            () ->
                emitter.observe(
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
    assertThat(recording.eventTypes()).containsExactly("START", "FAIL");
  }

  @Test
  void undeliveredEventsAreCountedAndThePipelineGoesOn() {
    LineageTransport broken =
        new LineageTransport() {
          @Override
          public void send(String json) throws IOException {
            throw new IOException("answered HTTP 503");
          }

          @Override
          public String target() {
            return "http://lineage/api/v1/lineage";
          }
        };
    Recording recording = new Recording();
    LineageEmitter emitter = emitter(options(), List.of(broken, recording));

    PipelineResult result = emitter.observe(() -> new FixedResult(PipelineResult.State.DONE));

    assertThat(result.getState()).isEqualTo(PipelineResult.State.DONE);
    assertThat(emitter.failures()).isEqualTo(2);
    assertThat(recording.eventTypes()).containsExactly("START", "COMPLETE");
  }

  @Test
  void withoutTransportsNothingIsSentAndTheRunIsReturned() {
    LineageEmitter emitter =
        PipelineLineage.emitter(options(), layout(), entities(), tables(), CLOCK, () -> RUN);
    FixedResult result = new FixedResult(PipelineResult.State.DONE);

    assertThat(emitter.enabled()).isFalse();
    assertThat(emitter.observe(() -> result)).isSameAs(result);
  }

  @Test
  void fileOptionAppendsOneLinePerEvent() throws IOException {
    Path file = dir.resolve("lineage/events.jsonl");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"earlier\":true}\n");
    EntityTopicsToBigQueryOptions options = options();
    options.setOpenLineageFile(file.toString());
    LineageEmitter emitter =
        PipelineLineage.emitter(options, layout(), entities(), tables(), CLOCK, () -> RUN);

    emitter.observe(() -> new FixedResult(PipelineResult.State.DONE));

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("{\"earlier\":true}");
    assertThat(lines.get(1)).isEqualTo(emitter.event("START"));
    assertThat(lines.get(2)).isEqualTo(emitter.event("COMPLETE"));
  }

  private static LineageEmitter emitter(
      EntityTopicsToBigQueryOptions options, List<LineageTransport> transports) {
    return PipelineLineage.emitter(options, layout(), entities(), tables(), CLOCK, () -> RUN)
        .withTransports(transports);
  }

  private static EntityTopicsToBigQueryOptions options() {
    EntityTopicsToBigQueryOptions options =
        PipelineOptionsFactory.create().as(EntityTopicsToBigQueryOptions.class);
    options.setProject("acme-analytics");
    options.setPubsubProject("acme-events");
    options.setDatasetPrefix("prod_");
    options.setOpenLineageNamespace("acme-prod");
    options.setEntities(List.of("Sale", "Customer"));
    return options;
  }

  private static PhysicalLayout layout() {
    return PhysicalLayout.of(REGISTRY).withDatasetPrefix("prod_");
  }

  private static List<EntityDefinition> entities() {
    return EntitySelection.select(REGISTRY, List.of("Sale", "Customer"));
  }

  private static List<TableDefinition> tables() {
    return EntityTopicsToBigQuery.writtenTables(layout(), entities());
  }

  /** Records the event types it is sent. */
  static final class Recording implements LineageTransport {
    final List<String> events = new ArrayList<>();

    @Override
    public void send(String json) {
      events.add(json);
    }

    @Override
    public String target() {
      return "memory";
    }

    List<String> eventTypes() {
      return events.stream()
          .map(e -> e.substring("{\"eventType\":\"".length(), e.indexOf('"', 14)))
          .toList();
    }
  }

  /** A pipeline result in a fixed state. */
  record FixedResult(State state) implements PipelineResult {
    @Override
    public State getState() {
      return state;
    }

    @Override
    public State cancel() {
      return state;
    }

    @Override
    public State waitUntilFinish(Duration duration) {
      return state;
    }

    @Override
    public State waitUntilFinish() {
      return state;
    }

    @Override
    public MetricResults metrics() {
      throw new UnsupportedOperationException("no metrics");
    }
  }
}
