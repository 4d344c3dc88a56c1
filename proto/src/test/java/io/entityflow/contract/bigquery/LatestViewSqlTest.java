package io.entityflow.contract.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.registry.EntityRegistry;
import org.junit.jupiter.api.Test;

class LatestViewSqlTest {
  private final EntityTable sale =
      EntityTable.of(EntityRegistry.load().forTopic("sale_v1").orElseThrow());

  @Test
  void bigQueryViewRanksEachIdByOccurredAtAndDropsDeletedIds() {
    assertThat(LatestViewSql.viewName(sale)).isEqualTo("sale_v1_latest");
    assertThat(LatestViewSql.bigQuery(sale, "acme-data", "retail"))
        .isEqualTo(
            "SELECT * EXCEPT (entityflow_rank)\n"
                + "FROM (\n"
                + "  SELECT *, ROW_NUMBER() OVER (\n"
                + "    PARTITION BY `sale_id`\n"
                + "    ORDER BY occurred_at DESC, publish_time DESC, ingestion_time DESC, event_id DESC\n"
                + "  ) AS entityflow_rank\n"
                + "  FROM `acme-data.retail.sale_v1`\n"
                + ")\n"
                + "WHERE entityflow_rank = 1 AND operation != 'DELETED'");
  }

  @Test
  void bigQueryQueryOverAnotherRelationRanksItsRowsTheSameWay() {
    assertThat(LatestViewSql.bigQueryOver(sale, "`retail.sale_v1_masked`"))
        .isEqualTo(
            "SELECT * EXCEPT (entityflow_rank)\n"
                + "FROM (\n"
                + "  SELECT *, ROW_NUMBER() OVER (\n"
                + "    PARTITION BY `sale_id`\n"
                + "    ORDER BY occurred_at DESC, publish_time DESC, ingestion_time DESC, event_id DESC\n"
                + "  ) AS entityflow_rank\n"
                + "  FROM `retail.sale_v1_masked`\n"
                + ")\n"
                + "WHERE entityflow_rank = 1 AND operation != 'DELETED'");
  }

  @Test
  void duckDbViewIsTheSameQueryInDuckDbSyntax() {
    assertThat(LatestViewSql.duckDb(sale))
        .isEqualTo(
            "SELECT * EXCLUDE (entityflow_rank)\n"
                + "FROM (\n"
                + "  SELECT *, ROW_NUMBER() OVER (\n"
                + "    PARTITION BY \"sale_id\"\n"
                + "    ORDER BY occurred_at DESC, publish_time DESC, ingestion_time DESC, event_id DESC\n"
                + "  ) AS entityflow_rank\n"
                + "  FROM \"retail\".\"sale_v1\"\n"
                + ")\n"
                + "WHERE entityflow_rank = 1 AND operation != 'DELETED'");
  }
}
