package io.entityflow.publisher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.sale.v1.Sale;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.Operation;
import io.entityflow.contract.OrderingKey;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.fixtures.Sales;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventMessagesTest {
  private static final EntityDefinition SALE = EntityRegistry.load().require(Sale.getDescriptor());
  private static final EntityRoute ROUTE = EntityRoute.of(SALE);

  @Test
  void messageCarriesPayloadEveryContractAttributeAndTheBucketedKey() throws Exception {
    Sale sale = Sales.sale("s-1001");
    PubsubMessage message =
        EventMessages.encode(
            sale,
            ROUTE,
            Operation.UPDATED,
            "0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11",
            Instant.parse("2026-11-23T10:15:30.123Z"),
            "checkout",
            Map.of("tenant", "nl"),
            ROUTE.orderingKey("s-1001"));
    assertThat(Sale.parseFrom(message.getData())).isEqualTo(sale);
    assertThat(message.getData().toByteArray()).isEqualTo(sale.toByteArray());
    assertThat(message.getAttributesMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "event_id", "0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11",
                "operation", "UPDATED",
                "occurred_at", "2026-11-23T10:15:30.123Z",
                "producer", "checkout",
                "schema", "acme.retail.sale.v1.Sale",
                "schema_version", "1.0",
                "tenant", "nl"));
    assertThat(message.getOrderingKey())
        .isEqualTo(OrderingKey.bucketed("s-1001", SALE.orderingKeyBuckets()));
  }

  @Test
  void noOrderingKeyWhenOrderingIsOff() {
    PubsubMessage message =
        EventMessages.encode(
            Sales.sale("s-1"),
            ROUTE,
            Operation.CREATED,
            "0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11",
            Instant.parse("2026-11-23T10:15:30Z"),
            "checkout",
            Map.of(),
            null);
    assertThat(message.getOrderingKey()).isEmpty();
    assertThat(message.getAttributesOrThrow("occurred_at")).isEqualTo("2026-11-23T10:15:30Z");
  }

  @Test
  void routeOrderingKeyIsTheContractsKeyOfTheMessage() {
    assertThat(ROUTE.orderingKey("s-1001")).isEqualTo(SALE.orderingKeyOf(Sales.sale("s-1001")));
    assertThat(ROUTE.topic()).isEqualTo("sale_v1");
  }

  @Test
  void saleFixtureIsAbout300Bytes() {
    assertThat(Sales.sale("sale-000123").getSerializedSize()).isBetween(260, 340);
  }
}
