package io.entityflow.alerting.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.contract.registry.EntityRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEventCountSourceTest {
  @TempDir Path root;

  private static final Instant FROM = Instant.parse("2026-01-05T10:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-05T12:00:00Z");

  private void writeSales() throws Exception {
    TestWarehouse.write(
        root,
        "retail",
        "sale_v1",
        "SELECT * FROM (VALUES"
            + " ('CREATED', TIMESTAMPTZ '2026-01-05 10:05:00+00', 's1'),"
            + " ('CREATED', TIMESTAMPTZ '2026-01-05 10:20:00+00', 's2'),"
            + " ('CREATED', TIMESTAMPTZ '2026-01-05 10:59:59+00', 's1'),"
            + " ('CREATED', TIMESTAMPTZ '2026-01-05 11:30:00+00', 's1'),"
            + " ('CREATED', TIMESTAMPTZ '2026-01-05 12:00:00+00', 's1'),"
            + " ('DELETED', TIMESTAMPTZ '2026-01-05 10:10:00+00', 's2'),"
            + " ('DELETED', TIMESTAMPTZ '2026-01-05 10:11:00+00', 's2')"
            + ") v(operation, occurred_at, store_id)");
  }

  @Test
  void countsEveryOperationPerHourWithItsLastEvent() throws Exception {
    writeSales();
    LocalEventCountSource source = new LocalEventCountSource(root, EntityRegistry.load());
    List<SeriesHistory> series =
        source.hourlyCounts(new CountQuery("retail", "sale_v1", null, FROM, TO));
    assertThat(series)
        .extracting(s -> s.key().id())
        .containsExactlyInAnyOrder("retail.sale_v1/CREATED", "retail.sale_v1/DELETED");
    SeriesHistory created = find(series, "retail.sale_v1/CREATED");
    assertThat(created.counts().start()).isEqualTo(FROM);
    assertThat(created.counts().size()).isEqualTo(2);
    assertThat(created.counts().count(0)).isEqualTo(3);
    assertThat(created.counts().count(1)).isEqualTo(1);
    assertThat(created.lastEventAt()).isEqualTo(Instant.parse("2026-01-05T11:30:00Z"));
    SeriesHistory deleted = find(series, "retail.sale_v1/DELETED");
    assertThat(deleted.counts().count(0)).isEqualTo(2);
    assertThat(deleted.counts().count(1)).isZero();
    assertThat(deleted.lastEventAt()).isEqualTo(Instant.parse("2026-01-05T10:11:00Z"));
  }

  @Test
  void segmentColumnSplitsSeriesPerValue() throws Exception {
    writeSales();
    List<SeriesHistory> series =
        new LocalEventCountSource(root, EntityRegistry.load())
            .hourlyCounts(new CountQuery("retail", "sale_v1", "store_id", FROM, TO));
    SeriesHistory s1 = find(series, "retail.sale_v1/CREATED/store_id=s1");
    assertThat(s1.counts().count(0)).isEqualTo(2);
    assertThat(s1.counts().count(1)).isEqualTo(1);
    assertThat(find(series, "retail.sale_v1/CREATED/store_id=s2").counts().count(0)).isEqualTo(1);
    assertThat(find(series, "retail.sale_v1/DELETED/store_id=s2").counts().count(0)).isEqualTo(2);
    assertThat(series).hasSize(3);
  }

  @Test
  void sqlAggregatesInTheWarehouse() {
    assertThat(LocalEventCountSource.sql(new CountQuery("retail", "sale_v1", "store_id", FROM, TO)))
        .isEqualTo(
            "SELECT operation, segment, list(hour_start ORDER BY hour_start) AS hours,"
                + " list(events ORDER BY hour_start) AS counts, max(last_us) AS last_us FROM ("
                + "SELECT operation, CAST(\"store_id\" AS VARCHAR) AS segment,"
                + " (epoch_us(occurred_at) // 3600000000) * 3600 AS hour_start,"
                + " count(*) AS events, max(epoch_us(occurred_at)) AS last_us"
                + " FROM \"retail\".\"sale_v1\" WHERE occurred_at >= to_timestamp(?) AND"
                + " occurred_at < to_timestamp(?) GROUP BY 1, 2, 3) GROUP BY 1, 2");
  }

  @Test
  void windowCountsAreExactToTheSecond() throws Exception {
    writeSales();
    LocalEventCountSource source = new LocalEventCountSource(root, EntityRegistry.load());
    WindowCountQuery all = new WindowCountQuery("retail", "sale_v1", "store_id", FROM, TO);
    Instant lastSecond = Instant.parse("2026-01-05T10:59:59Z");
    WindowCountQuery second =
        new WindowCountQuery("retail", "sale_v1", null, lastSecond, lastSecond.plusSeconds(1));
    WindowCountQuery none =
        new WindowCountQuery("retail", "sale_v1", null, FROM, FROM.plusSeconds(1));
    assertThat(source.windowCounts(List.of(all, second, none)))
        .containsExactly(
            Map.of(
                "retail.sale_v1/CREATED/store_id=s1", 3L,
                "retail.sale_v1/CREATED/store_id=s2", 1L,
                "retail.sale_v1/DELETED/store_id=s2", 2L),
            Map.of("retail.sale_v1/CREATED", 1L),
            Map.of());
    assertThat(LocalEventCountSource.windowSql(none))
        .isEqualTo(
            "SELECT operation, CAST(NULL AS VARCHAR) AS segment, count(*) AS events FROM"
                + " \"retail\".\"sale_v1\" WHERE occurred_at >= to_timestamp(?) AND occurred_at"
                + " < to_timestamp(?) GROUP BY 1, 2");
  }

  @Test
  void watermarkIsTheLatestHeartbeatAndEmptyWithoutOne() throws Exception {
    LocalEventCountSource source = new LocalEventCountSource(root, EntityRegistry.load());
    assertThat(source.ingestedThrough()).isEqualTo(Optional.empty());
    TestWarehouse.heartbeat(root, "2026-01-05 11:00:00+00");
    TestWarehouse.heartbeat(root, "2026-01-05 11:45:30+00");
    assertThat(source.ingestedThrough()).contains(Instant.parse("2026-01-05T11:45:30Z"));
  }

  @Test
  void unknownSegmentColumnFailsNamingTheTable() throws Exception {
    writeSales();
    LocalEventCountSource source = new LocalEventCountSource(root, EntityRegistry.load());
    assertThatThrownBy(
            () -> source.hourlyCounts(new CountQuery("retail", "sale_v1", "no_such", FROM, TO)))
        .isInstanceOf(WarehouseException.class)
        .hasMessageStartingWith(
            "cannot count events of retail.sale_v1 in the local warehouse at "
                + root
                + ": query of retail.sale_v1 failed: Binder Error: Referenced column \"no_such\""
                + " not found");
  }

  private static SeriesHistory find(List<SeriesHistory> series, String id) {
    return series.stream().filter(s -> s.key().id().equals(id)).findFirst().orElseThrow();
  }
}
