package io.entityflow.pipelines.replay;

import com.acme.retail.sale.v1.Sale;
import com.google.api.services.bigquery.model.TableRow;
import com.google.protobuf.Timestamp;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.events.EntityEventParser;
import java.time.Instant;
import java.util.Map;

/** Sales and their table rows as the streaming pipeline writes them, for the replay tests. */
final class SaleRows {
  static final EntityRegistry REGISTRY = EntityRegistry.load();
  static final EntityDefinition SALE = REGISTRY.forTopic("sale_v1").orElseThrow();

  private SaleRows() {}

  /** A sale with {@code id}, its store, a sold-at time and one label {@code k=label}. */
  static Sale sale(String id, String label) {
    return Sale.newBuilder()
        .setSaleId(id)
        .setStoreId("st-" + id)
        .setSoldAt(Timestamp.newBuilder().setSeconds(1795428930L).setNanos(123456000))
        .putLabels("k", label)
        .build();
  }

  /** The row the pipeline writes for {@code sale} published by "till" at {@code at}. */
  static TableRow row(Sale sale, String eventId, String operation, String at) throws Exception {
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
                "pii_encryption",
                "tink-aead-v1"),
            "m-" + eventId,
            Instant.parse(at),
            Instant.parse(at).plusSeconds(1));
  }
}
