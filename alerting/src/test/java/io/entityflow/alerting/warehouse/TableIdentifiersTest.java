package io.entityflow.alerting.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TableIdentifiersTest {
  private static final Instant FROM = Instant.parse("2026-01-19T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-19T01:00:00Z");

  @Test
  void bothQueryKindsRefuseATableNameThatIsNotAPlainIdentifier() {
    assertThatThrownBy(() -> new CountQuery("retail", "sale_v1`; DROP", null, FROM, TO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dataset and table must be plain identifiers, got 'sale_v1`; DROP'");
    assertThatThrownBy(() -> new WindowCountQuery(null, "sale_v1", null, FROM, TO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dataset and table must be plain identifiers, got 'null'");
  }

  @Test
  void bothQueryKindsRefuseASegmentColumnThatIsNotAPlainName() {
    assertThatThrownBy(() -> new CountQuery("retail", "sale_v1", "store id", FROM, TO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("segment column must be a plain column name, got 'store id'");
    assertThatThrownBy(() -> new WindowCountQuery("retail", "sale_v1", "1st", FROM, TO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("segment column must be a plain column name, got '1st'");
  }

  @Test
  void plainNamesPassAndNameTheTable() {
    WindowCountQuery query = new WindowCountQuery("retail", "sale_v1", "store_id", FROM, TO);
    assertThat(query.qualifiedTable()).isEqualTo("retail.sale_v1");
    assertThat(new CountQuery("retail", "sale_v1", null, FROM, TO).qualifiedTable())
        .isEqualTo("retail.sale_v1");
  }
}
