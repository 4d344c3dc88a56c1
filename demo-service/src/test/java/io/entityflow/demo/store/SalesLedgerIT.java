package io.entityflow.demo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.retail.sale.v1.Sale;
import io.entityflow.contract.Operation;
import io.entityflow.publisher.InvalidEventException;
import io.entityflow.testing.PostgresServer;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo's sales and their outbox rows, against a real PostgreSQL. */
class SalesLedgerIT {
  private static final Instant AT = Instant.parse("2026-11-23T10:15:30Z");

  private PostgresServer.Database database;
  private ApplicationContext context;

  @BeforeEach
  void start() {
    database = PostgresServer.shared().createDatabase("demo_ledger");
    context =
        ApplicationContext.run(
            Map.of(
                "datasources.default.url",
                database.jdbcUrl(),
                "datasources.default.username",
                "postgres",
                "datasources.default.password",
                "",
                "entityflow.publisher.recording",
                true,
                "entityflow.outbox.enabled",
                true,
                "entityflow.outbox.relay.enabled",
                false,
                "entityflow.demo.enabled",
                false,
                "entityflow.demo.accrual.enabled",
                false,
                "micronaut.application.name",
                "retail-loyalty-demo"));
  }

  @AfterEach
  void stop() {
    context.close();
  }

  @Test
  void saleAndItsEventCommitTogetherAndADeleteRemovesTheSale() throws Exception {
    SalesLedger ledger = context.getBean(SalesLedger.class);
    Sale sale = Sale.newBuilder().setSaleId("s-1").setCustomerId("c-7").build();

    String created = ledger.apply(sale, Operation.CREATED, AT);
    String deleted =
        ledger.apply(
            Sale.newBuilder().setSaleId("s-2").build(), Operation.DELETED, AT.plusSeconds(1));
    ledger.apply(
        Sale.newBuilder().setSaleId("s-3").setCustomerId("c-8").build(), Operation.CREATED, AT);
    ledger.apply(Sale.newBuilder().setSaleId("s-3").build(), Operation.DELETED, AT);

    assertThat(rows("SELECT sale_id || ' ' || customer_id FROM demo_sales ORDER BY sale_id"))
        .containsExactly("s-1 c-7");
    assertThat(rows("SELECT event_id::text || ' ' || topic FROM entityflow_outbox ORDER BY id"))
        .hasSize(4)
        .startsWith(created + " sale_v1", deleted + " sale_v1");
    assertThat(rows("SELECT attributes->>'operation' FROM entityflow_outbox ORDER BY id"))
        .containsExactly("CREATED", "DELETED", "CREATED", "DELETED");
  }

  @Test
  void anInvalidSaleEventRollsBackTheSaleRowToo() throws Exception {
    SalesLedger ledger = context.getBean(SalesLedger.class);
    Sale withoutId = Sale.newBuilder().setCustomerId("c-7").build();

    assertThatThrownBy(() -> ledger.apply(withoutId, Operation.CREATED, AT))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("sale_id");

    assertThat(rows("SELECT sale_id FROM demo_sales")).isEmpty();
    assertThat(rows("SELECT event_id::text FROM entityflow_outbox")).isEmpty();
  }

  private List<String> rows(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }
}
