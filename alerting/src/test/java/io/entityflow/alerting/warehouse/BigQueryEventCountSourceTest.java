package io.entityflow.alerting.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.paging.Page;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.TableResult;
import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityRegistry;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BigQueryEventCountSourceTest {
  private static final PhysicalLayout LAYOUT = PhysicalLayout.of(EntityRegistry.load());

  private static final Schema SCHEMA =
      Schema.of(
          Field.of("operation", StandardSQLTypeName.STRING),
          Field.of("segment", StandardSQLTypeName.STRING),
          Field.of("hour_start", StandardSQLTypeName.INT64),
          Field.of("events", StandardSQLTypeName.INT64),
          Field.of("last_us", StandardSQLTypeName.INT64));

  private final List<QueryJobConfiguration> sent = new ArrayList<>();

  /** A fake of the BigQuery interface that records queries and answers with canned rows. */
  private BigQuery fake(Schema schema, List<List<Object>> rows) {
    return (BigQuery)
        Proxy.newProxyInstance(
            BigQuery.class.getClassLoader(),
            new Class<?>[] {BigQuery.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("query")) {
                throw new UnsupportedOperationException(method.getName());
              }
              sent.add((QueryJobConfiguration) args[0]);
              FieldList fields = schema.getFields();
              List<FieldValueList> values = new ArrayList<>();
              for (List<Object> row : rows) {
                List<FieldValue> cells = new ArrayList<>();
                for (Object cell : row) {
                  cells.add(
                      FieldValue.of(
                          FieldValue.Attribute.PRIMITIVE, cell == null ? null : cell.toString()));
                }
                values.add(FieldValueList.of(cells, fields));
              }
              return TableResult.newBuilder()
                  .setSchema(schema)
                  .setTotalRows((long) values.size())
                  .setPageNoSchema(page(values))
                  .build();
            });
  }

  private static Page<FieldValueList> page(List<FieldValueList> values) {
    return new Page<>() {
      @Override
      public boolean hasNextPage() {
        return false;
      }

      @Override
      public String getNextPageToken() {
        return null;
      }

      @Override
      public Page<FieldValueList> getNextPage() {
        return null;
      }

      @Override
      public Iterable<FieldValueList> iterateAll() {
        return values;
      }

      @Override
      public Iterable<FieldValueList> getValues() {
        return values;
      }
    };
  }

  @Test
  void sendsOneParameterizedGroupedQueryAndParsesTheRows() {
    long h10 = Instant.parse("2026-01-05T10:00:00Z").getEpochSecond();
    BigQuery bq =
        fake(
            SCHEMA,
            List.of(
                List.of("CREATED", "DE", h10, 7, 1767608100000000L),
                List.of("CREATED", "DE", h10 + 3600, 2, 1767610800000000L)));
    BigQueryEventCountSource source = new BigQueryEventCountSource(bq, "acme-data", LAYOUT);
    List<SeriesHistory> series =
        source.hourlyCounts(
            new CountQuery(
                "retail",
                "sale_v1",
                "country",
                Instant.parse("2026-01-05T10:00:00Z"),
                Instant.parse("2026-01-05T12:00:00Z")));

    assertThat(sent).hasSize(1);
    QueryJobConfiguration job = sent.get(0);
    assertThat(job.getQuery())
        .isEqualTo(
            "SELECT operation, CAST(`country` AS STRING) AS segment,"
                + " UNIX_SECONDS(TIMESTAMP_TRUNC(occurred_at, HOUR)) AS hour_start,"
                + " COUNT(*) AS events, UNIX_MICROS(MAX(occurred_at)) AS last_us"
                + " FROM `acme-data.retail.sale_v1` WHERE occurred_at >= @from AND"
                + " occurred_at < @to GROUP BY operation, segment, hour_start");
    assertThat(job.useLegacySql()).isFalse();
    assertThat(job.getNamedParameters())
        .isEqualTo(
            Map.of(
                "from", QueryParameterValue.timestamp(1767607200000000L),
                "to", QueryParameterValue.timestamp(1767614400000000L)));

    assertThat(series).hasSize(1);
    SeriesHistory s = series.get(0);
    assertThat(s.key().id()).isEqualTo("retail.sale_v1/CREATED/country=DE");
    assertThat(s.counts().count(0)).isEqualTo(7);
    assertThat(s.counts().count(1)).isEqualTo(2);
    assertThat(s.lastEventAt()).isEqualTo(Instant.parse("2026-01-05T11:00:00Z"));
  }

  @Test
  void watermarkQueryReadsTheHeartbeatTable() {
    Schema schema = Schema.of(Field.of("ingested_through", StandardSQLTypeName.INT64));
    List<Object> row = new ArrayList<>();
    row.add(1767611130000000L);
    BigQueryEventCountSource source =
        new BigQueryEventCountSource(
            fake(schema, List.of(row)), "acme-data", LAYOUT.withDatasetPrefix("prod_"));
    assertThat(source.ingestedThrough()).contains(Instant.parse("2026-01-05T11:05:30Z"));
    assertThat(sent.get(0).getQuery())
        .isEqualTo(
            "SELECT UNIX_MICROS(MAX(ingested_through)) AS ingested_through FROM"
                + " `acme-data.prod_entityflow.pipeline_heartbeat`");
  }

  @Test
  void emptyHeartbeatTableMeansNoWatermark() {
    Schema schema = Schema.of(Field.of("ingested_through", StandardSQLTypeName.INT64));
    List<Object> row = new ArrayList<>();
    row.add(null);
    assertThat(
            new BigQueryEventCountSource(fake(schema, List.of(row)), "acme-data", LAYOUT)
                .ingestedThrough())
        .isEmpty();
  }

  @Test
  void windowCountIsOneParameterizedQueryExactToTheMicrosecond() {
    Schema schema =
        Schema.of(
            Field.of("operation", StandardSQLTypeName.STRING),
            Field.of("segment", StandardSQLTypeName.STRING),
            Field.of("events", StandardSQLTypeName.INT64));
    List<Object> de = List.of("CREATED", "DE", 4);
    BigQueryEventCountSource source =
        new BigQueryEventCountSource(
            fake(schema, List.of(de)), "acme-data", LAYOUT.withDatasetPrefix("prod_"));
    List<Map<String, Long>> counts =
        source.windowCounts(
            List.of(
                new WindowCountQuery(
                    "retail",
                    "sale_v1",
                    "country",
                    Instant.parse("2026-01-05T09:30:00Z"),
                    Instant.parse("2026-01-05T10:00:00.250Z"))));
    assertThat(counts).containsExactly(Map.of("retail.sale_v1/CREATED/country=DE", 4L));
    assertThat(sent.get(0).getQuery())
        .isEqualTo(
            "SELECT operation, CAST(`country` AS STRING) AS segment, COUNT(*) AS events FROM"
                + " `acme-data.prod_retail.sale_v1` WHERE occurred_at >= @from AND occurred_at < @to"
                + " GROUP BY operation, segment");
    assertThat(sent.get(0).getNamedParameters())
        .isEqualTo(
            Map.of(
                "from", QueryParameterValue.timestamp(1767605400000000L),
                "to", QueryParameterValue.timestamp(1767607200250000L)));
  }
}
