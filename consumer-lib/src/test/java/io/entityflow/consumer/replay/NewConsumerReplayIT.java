package io.entityflow.consumer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.sale.v1.Sale;
import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.consumer.EntityConsumers;
import io.entityflow.consumer.EntityEvent;
import io.entityflow.consumer.fixtures.Await;
import io.entityflow.consumer.fixtures.EmulatorTopics;
import io.entityflow.consumer.fixtures.ItSaleHandler;
import io.entityflow.consumer.fixtures.Sales;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.layout.ConsumerResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.events.EntityEventParser;
import io.entityflow.pipelines.options.WarehouseKind;
import io.entityflow.pipelines.replay.ReplayEntityTable;
import io.entityflow.pipelines.replay.ReplayOptions;
import io.entityflow.pipelines.warehouse.ParquetPartWriter;
import io.entityflow.testing.PubSubEmulator;
import io.entityflow.warehouse.local.LocalWarehouseLayout;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's replay recipe end to end: a new consumer asks for the history since T; the replay
 * pipeline (DirectRunner, local warehouse) republishes the table's events of [T, now) into that
 * consumer's own replay topic from the layout, and the consumer reads them from its replay
 * subscription, flagged as replayed. Nothing goes to the live topic.
 */
class NewConsumerReplayIT {
  private static final EntityRegistry REGISTRY = EntityRegistry.load();
  private static final EntityDefinition SALE = REGISTRY.forTopic("sale_v1").orElseThrow();

  @Test
  void historySinceTArrivesOnTheConsumersReplaySubscriptionFlaggedAsReplayed(@TempDir Path root)
      throws Exception {
    try (ParquetPartWriter writer = ParquetPartWriter.open(new LocalWarehouseLayout(root))) {
      writer.write(
          "retail",
          "sale_v1",
          PhysicalLayout.of(REGISTRY).requireTable("retail.sale_v1").columns(),
          List.of(
              row(Sales.sale("s-1"), "e-before", "CREATED", "2026-11-01T09:59:59.999Z"),
              row(Sales.sale("s-2"), "e-since-1", "CREATED", "2026-11-01T10:00:00Z"),
              row(Sales.sale("s-2"), "e-since-2", "UPDATED", "2026-11-02T08:30:00.250Z"),
              row(Sales.sale("s-3"), "e-since-3", "CREATED", "2026-11-03T12:00:00Z")));
    }
    EmulatorTopics topics = new EmulatorTopics(PubSubEmulator.shared());
    ConsumerResources resources = PhysicalLayout.of(REGISTRY).consumer(SALE, "it_consumer");
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "spec.name",
                "EntityConsumersIT",
                "entityflow.consumer.project-id",
                topics.projectId(),
                "entityflow.consumer.emulator-host",
                topics.emulator().hostPort(),
                "entityflow.consumer.read-replay",
                true))) {
      assertThat(context.getBean(EntityConsumers.class).subscriptions())
          .containsExactly("sale_v1_it_consumer", "sale_v1_it_consumer_replay");
      ItSaleHandler handler = context.getBean(ItSaleHandler.class);

      ReplayOptions options = PipelineOptionsFactory.create().as(ReplayOptions.class);
      options.setPubsubRootUrl(topics.emulator().rootUrl());
      options.setCredentialFactoryClass(NoopCredentialFactory.class);
      options.setEntity("Sale");
      options.setFrom("2026-11-01T10:00:00Z");
      options.setTo("2026-12-01T00:00:00Z");
      options.setTargetTopic(
          "projects/" + topics.projectId() + "/topics/" + resources.replayTopic());
      options.setWarehouse(WarehouseKind.LOCAL);
      options.setWarehouseDir(root.toString());
      ReplayEntityTable.run(options).waitUntilFinish();

      Await.until(
          () -> handler.completed().size() >= 3, Duration.ofSeconds(60), () -> "three events");
      List<EntityEvent<Sale>> events = handler.completed();
      assertThat(events.stream().map(EntityEvent::eventId))
          .containsExactlyInAnyOrder("e-since-1", "e-since-2", "e-since-3");
      assertThat(events).allSatisfy(e -> assertThat(e.replayed()).isTrue());
      assertThat(events)
          .allSatisfy(
              e -> assertThat(e.metadata().subscription()).isEqualTo("sale_v1_it_consumer_replay"));
      EntityEvent<Sale> updated =
          events.stream().filter(e -> e.eventId().equals("e-since-2")).findFirst().orElseThrow();
      assertThat(updated.entity()).isEqualTo(Sales.sale("s-2"));
      assertThat(updated.occurredAt()).isEqualTo(Instant.parse("2026-11-02T08:30:00.250Z"));
      assertThat(updated.metadata().producer()).isEqualTo("till");
      assertThat(updated.metadata().attributes()).containsKey(EventAttributes.REPLAYED_AT);
    }
  }

  private static TableRow row(Sale sale, String eventId, String operation, String at)
      throws Exception {
    return EntityEventParser.of(SALE)
        .parse(
            sale.toByteArray(),
            Map.of(
                EventAttributes.EVENT_ID,
                eventId,
                EventAttributes.OPERATION,
                operation,
                EventAttributes.OCCURRED_AT,
                at,
                EventAttributes.PRODUCER,
                "till",
                EventAttributes.SCHEMA_VERSION,
                "1.0",
                // as published: these Sales set no PII value, so the encrypted form is the same
                EventAttributes.PII_ENCRYPTION,
                EventAttributes.PII_ENCRYPTION_TINK_AEAD_V1),
            "m-" + eventId,
            Instant.parse(at),
            Instant.parse(at).plusSeconds(1));
  }
}
