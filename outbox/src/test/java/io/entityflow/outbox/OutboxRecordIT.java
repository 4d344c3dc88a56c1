package io.entityflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.retail.customer.v1.Customer;
import com.acme.retail.sale.v1.Sale;
import io.entityflow.contract.Operation;
import io.entityflow.contract.OrderingKey;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.outbox.fixtures.OutboxDatabaseFixture;
import io.entityflow.outbox.fixtures.SaleService;
import io.entityflow.outbox.relay.OutboxRelay;
import io.entityflow.outbox.store.AttributesJson;
import io.entityflow.outbox.store.OutboxSchema;
import io.entityflow.privacy.codec.PiiDecryptor;
import io.entityflow.privacy.keys.SubjectKeysets;
import io.entityflow.publisher.InvalidEventException;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.publisher.fixtures.Sales;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxRecordIT {
  private static final String EVENT_ID = "0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11";

  private final OutboxDatabaseFixture database = new OutboxDatabaseFixture("record");
  private ApplicationContext context;

  @BeforeEach
  void start() throws Exception {
    database.execute(SaleService.CREATE_TABLE);
    Map<String, Object> properties = database.properties("OutboxRecordIT");
    properties.put("entityflow.outbox.relay.enabled", false);
    context = ApplicationContext.run(properties);
  }

  @AfterEach
  void stop() {
    context.close();
  }

  @Test
  void committedRecordLeavesOneRowWithTheExactColumns() throws Exception {
    Timestamp before =
        Timestamp.valueOf(database.strings("SELECT clock_timestamp()::timestamp").get(0));
    Sale sale = Sales.sale("s-1001");
    String eventId =
        context
            .getBean(SaleService.class)
            .complete(
                PublishRequest.of(sale, Operation.UPDATED)
                    .withEventId(EVENT_ID)
                    .withOccurredAt(Instant.parse("2026-11-23T10:15:30.123Z"))
                    .withAttributes(Map.of("tenant", "nl")));
    Timestamp after =
        Timestamp.valueOf(database.strings("SELECT clock_timestamp()::timestamp").get(0));

    assertThat(eventId).isEqualTo(EVENT_ID);
    assertThat(database.strings("SELECT sale_id FROM sales")).containsExactly("s-1001");
    Map<String, Object> row =
        database.row(
            "SELECT event_id::text AS event_id, topic, ordering_key, attributes::text AS attributes,"
                + " payload, created_at::timestamp AS created_at, attempts, next_attempt_at,"
                + " last_error, invalid_reason FROM entityflow_outbox");
    assertThat(row.get("event_id")).isEqualTo(EVENT_ID);
    assertThat(row.get("topic")).isEqualTo("sale_v1");
    assertThat(row.get("ordering_key")).isEqualTo(OrderingKey.bucketed("s-1001", 64));
    assertThat(AttributesJson.read((String) row.get("attributes")))
        .isEqualTo(
            Map.of(
                "event_id", EVENT_ID,
                "operation", "UPDATED",
                "occurred_at", "2026-11-23T10:15:30.123Z",
                "producer", "checkout",
                "schema", "acme.retail.sale.v1.Sale",
                "schema_version", "1.0",
                "pii_encryption", "tink-aead-v1",
                "tenant", "nl"));
    byte[] payload = (byte[]) row.get("payload");
    assertThat(payload).isNotEqualTo(sale.toByteArray()); // card holder name encrypted
    assertThat(
            new PiiDecryptor(context.getBean(SubjectKeysets.class))
                .decrypt(
                    context.getBean(EntityRegistry.class).require(Sale.getDescriptor()),
                    payload,
                    Sale.getDefaultInstance())
                .message())
        .isEqualTo(sale);
    assertThat((Timestamp) row.get("created_at")).isBetween(before, after);
    assertThat(row.get("attempts")).isEqualTo(0);
    assertThat(row.get("next_attempt_at")).isNull();
    assertThat(row.get("last_error")).isNull();
    assertThat(row.get("invalid_reason")).isNull();
  }

  @Test
  void rolledBackTransactionLeavesNoRow() throws Exception {
    assertThatThrownBy(() -> context.getBean(SaleService.class).completeThenFail(Sales.sale("s-7")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("payment declined for s-7");

    assertThat(database.count("SELECT count(*) FROM sales")).isZero();
    assertThat(database.count("SELECT count(*) FROM entityflow_outbox")).isZero();
  }

  @Test
  void invalidEventThrowsAndLeavesTheTransactionUsable() throws Exception {
    List<String> refused =
        context
            .getBean(SaleService.class)
            .completeEachValid(
                List.of(Sales.sale("s-1"), Sale.newBuilder().build(), Sales.sale("s-2")));

    assertThat(refused)
        .containsExactly(
            "invalid Sale event: sale_id: the id must be set: a non-empty string or a number other"
                + " than 0; nothing was published");
    assertThat(database.strings("SELECT sale_id FROM sales ORDER BY sale_id"))
        .containsExactly("s-1", "s-2");
    assertThat(database.strings("SELECT ordering_key FROM entityflow_outbox ORDER BY id"))
        .containsExactly(OrderingKey.bucketed("s-1", 64), OrderingKey.bucketed("s-2", 64));
  }

  @Test
  void recordWithoutATransactionIsRefused() throws Exception {
    Outbox outbox = context.getBean(Outbox.class);
    assertThatThrownBy(() -> outbox.record(Sales.sale("s-1"), Operation.CREATED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "outbox.record(...) without a connection needs a transaction on data source 'default'"
                + " (entityflow.outbox.datasource): call it inside a @Transactional method"
                + " (micronaut-data-tx-jdbc), or pass the java.sql.Connection of your transaction");
    try (Connection connection = database.connect()) {
      assertThatThrownBy(() -> outbox.record(connection, Sales.sale("s-1"), Operation.CREATED))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "the outbox records events only inside a transaction, but the connection is in"
                  + " auto-commit mode; call setAutoCommit(false) first (or use @Transactional)");
    }
    assertThat(database.count("SELECT count(*) FROM entityflow_outbox")).isZero();
  }

  @Test
  void customerRowHoldsItsPiiOnlyEncrypted() throws Exception {
    Customer customer =
        Customer.newBuilder()
            .setCustomerId("c-42")
            .setEmail("alice@example.com")
            .setFullName("Alice Example")
            .setCountry("NL")
            .build();
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      context
          .getBean(Outbox.class)
          .recordAll(connection, List.of(PublishRequest.of(customer, Operation.CREATED)));
      connection.commit();
    }

    byte[] payload = (byte[]) database.row("SELECT payload FROM entityflow_outbox").get("payload");
    String text = new String(payload, StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain("alice@example.com").doesNotContain("Alice Example");
    assertThat(text).contains("c-42").contains("NL");
    assertThat(database.strings("SELECT attributes->>'pii_encryption' FROM entityflow_outbox"))
        .containsExactly("tink-aead-v1");
  }

  @Test
  void plainJdbcConnectionRecordsInTheCallersTransaction() throws Exception {
    Outbox outbox = context.getBean(Outbox.class);
    List<PublishRequest> requests =
        List.of(
            PublishRequest.of(Sales.sale("s-1"), Operation.CREATED),
            PublishRequest.of(Sales.sale("s-2"), Operation.CREATED),
            PublishRequest.of(Sales.sale("s-1"), Operation.UPDATED));
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      outbox.recordAll(connection, requests);
      connection.rollback();
      assertThat(database.count("SELECT count(*) FROM entityflow_outbox")).isZero();

      List<String> eventIds = outbox.recordAll(connection, requests);
      assertThatThrownBy(
              () ->
                  outbox.recordAll(
                      connection,
                      List.of(
                          PublishRequest.of(Sales.sale("s-3"), Operation.CREATED),
                          PublishRequest.of(Sales.sale("s-4"), Operation.CREATED)
                              .withEventId("not-a-uuid"))))
          .isInstanceOf(InvalidEventException.class)
          .hasMessage(
              "invalid Sale event: event_id: 'not-a-uuid' is not a UUID; expected 36 characters"
                  + " like 0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11; nothing was published");
      connection.commit();
      assertThat(database.strings("SELECT event_id::text FROM entityflow_outbox ORDER BY id"))
          .containsExactlyElementsOf(eventIds);
      assertThat(
              database.strings(
                  "SELECT attributes->>'operation' FROM entityflow_outbox ORDER BY id"))
          .containsExactly("CREATED", "CREATED", "UPDATED");
    }
  }

  @Test
  void relayIsAbsentWhenSwitchedOffAndTheMigrationRanOnce() throws Exception {
    assertThat(context.findBean(OutboxRelay.class)).isEmpty();
    assertThat(context.findBean(Outbox.class)).isPresent();
    assertThat(
            database.strings(
                "SELECT version || ' ' || description || ' ' || success"
                    + " FROM entityflow_outbox_schema_history WHERE version IS NOT NULL"
                    + " AND version <> '0' ORDER BY installed_rank"))
        .containsExactly("1 entityflow outbox true");
    assertThat(
            OutboxSchema.migrate(
                context.getBean(io.entityflow.outbox.config.OutboxDatabase.class).dataSource()))
        .isZero();
  }

  @Test
  void outboxSwitchedOffCreatesNoBeans() {
    Map<String, Object> properties = database.properties("OutboxRecordIT-off");
    properties.put("entityflow.outbox.enabled", false);
    try (ApplicationContext off = ApplicationContext.run(properties)) {
      assertThat(off.findBean(Outbox.class)).isEmpty();
      assertThat(off.findBean(OutboxRelay.class)).isEmpty();
    }
  }
}
