package io.entityflow.testing.bigquery;

import static io.entityflow.testing.bigquery.Tables.field;
import static io.entityflow.testing.bigquery.Tables.record;
import static io.entityflow.testing.bigquery.Tables.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableRow;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowRulesTest {
  private static final String SALE = "test-project:retail.sale: ";
  private static final Table TABLE =
      sale(
          field("units", "INTEGER"),
          field("price", "NUMERIC"),
          field("paid", "BOOLEAN"),
          field("payload", "BYTES"),
          field("sold_on", "DATE"),
          field("tags", "STRING", "REPEATED"),
          record("card", "NULLABLE", field("last4", "STRING", "REQUIRED")),
          record("lines", "REPEATED", field("sku", "STRING")));

  private static TableRow valid() {
    return new TableRow().set("event_id", "e-1").set("occurred_at", "2026-11-23T10:00:00.123456Z");
  }

  private static String message(TableRow row) {
    return String.join(
        "\n", BigQueryRules.rowViolations(TABLE, row).stream().map(Violation::message).toList());
  }

  @Test
  void aRowOfEveryFormAcceptedHasNoViolations() {
    TableRow row =
        valid()
            .set("units", "-9223372036854775808")
            .set("price", "99999999999999999999999999999.999999999")
            .set("paid", "TRUE")
            .set("payload", new byte[] {1, 2})
            .set("sold_on", "2026-1-5")
            .set("tags", List.of("a", "b"))
            .set("card", new TableRow().set("last4", "4242"))
            .set("lines", List.of(new TableRow().set("sku", "s-1")));
    BigQueryRules.checkRow(TABLE, row);
    BigQueryRules.checkRow(TABLE, valid().set("occurred_at", Instant.EPOCH).set("payload", "AQI="));
    BigQueryRules.checkRow(TABLE, valid().set("occurred_at", "2026-11-23 10:00:00 UTC"));
  }

  @Test
  void unknownFieldIsRefused() {
    assertThat(message(valid().set("store", "st-1")))
        .isEqualTo(
            SALE
                + "store: [row-unknown-field] the row has a field the table lacks; allowed: the"
                + " columns event_id, occurred_at, units, price, paid, payload, sold_on, tags,"
                + " card, lines");
  }

  @Test
  void missingOrNullRequiredValueIsRefused() {
    assertThatThrownBy(
            () ->
                BigQueryRules.checkRow(
                    TABLE, new TableRow().set("occurred_at", "2026-11-23T10:00:00Z")))
        .isInstanceOf(BigQueryRuleException.class)
        .hasMessage(
            SALE + "event_id: [row-required] REQUIRED column is missing or null; allowed: a value");
    assertThat(message(valid().set("card", new TableRow().set("last4", null))))
        .isEqualTo(
            SALE
                + "card.last4: [row-required] REQUIRED column is missing or null; allowed: a"
                + " value");
  }

  @Test
  void repeatedValueThatIsNoListOrHasANullIsRefused() {
    assertThat(message(valid().set("tags", "a")))
        .isEqualTo(SALE + "tags: [row-shape] REPEATED column holds 'a'; allowed: a list");
    assertThat(message(valid().set("tags", Arrays.asList("a", null))))
        .isEqualTo(
            SALE + "tags[1]: [row-shape] array element is null; allowed: non-null array elements");
  }

  @Test
  void recordValueThatIsNoMapIsRefused() {
    assertThat(message(valid().set("lines", List.of("s-1"))))
        .isEqualTo(
            SALE
                + "lines[0]: [row-shape] RECORD column holds 's-1'; allowed: a map of the"
                + " RECORD's fields");
  }

  @Test
  void timestampOutOfCanonicalFormIsRefused() {
    assertThat(message(valid().set("occurred_at", "23/11/2026 10:00")))
        .isEqualTo(
            SALE
                + "occurred_at: [row-value] TIMESTAMP value '23/11/2026 10:00' is not in canonical"
                + " format; allowed: YYYY-[M]M-[D]D[( |T)[H]H:[M]M:[S]S[.F{1,6}]][ ][Z|UTC|+HH[:MM]],"
                + " years 0001 to 9999, or java.time.Instant");
  }

  @Test
  void impossibleDateIsRefused() {
    assertThat(message(valid().set("sold_on", "2026-02-30")))
        .isEqualTo(
            SALE
                + "sold_on: [row-value] DATE value '2026-02-30' is no valid date or time: Invalid"
                + " date 'FEBRUARY 30'; allowed: YYYY-[M]M-[D]D, years 0001 to 9999, or"
                + " java.time.LocalDate");
  }

  @Test
  void numericWithTenFractionDigitsOrThirtyIntegerDigitsIsRefused() {
    String allowed = "; allowed: a decimal of at most 29 integer digits and 9 fraction digits";
    assertThat(message(valid().set("price", "1.0000000001")))
        .isEqualTo(
            SALE
                + "price: [row-value] NUMERIC value '1.0000000001' has 10 fraction digits"
                + allowed);
    assertThat(message(valid().set("price", "1" + "0".repeat(29))))
        .isEqualTo(
            SALE
                + "price: [row-value] NUMERIC value '100000000000000000000000000000' is out of"
                + " range (30 integer digits)"
                + allowed);
  }

  @Test
  void integerOutOfInt64RangeIsRefused() {
    assertThat(message(valid().set("units", "9223372036854775808")))
        .isEqualTo(
            SALE
                + "units: [row-value] INTEGER value '9223372036854775808' is outside the INT64"
                + " range; allowed: an integer from -2^63 to 2^63-1 (number or decimal string)");
    assertThat(message(valid().set("units", 2.5)))
        .isEqualTo(
            SALE
                + "units: [row-value] INTEGER value Double 2.5 has a fraction; allowed: an integer"
                + " from -2^63 to 2^63-1 (number or decimal string)");
  }

  @Test
  void booleanOtherThanTrueOrFalseIsRefused() {
    assertThat(message(valid().set("paid", "yes")))
        .isEqualTo(
            SALE
                + "paid: [row-value] BOOLEAN value 'yes' is not true or false; allowed: true or"
                + " false (boolean or string)");
  }

  @Test
  void bytesThatAreNotBase64AreRefused() {
    assertThat(message(valid().set("payload", "not base64!")))
        .isEqualTo(
            SALE
                + "payload: [row-value] BYTES value 'not base64!' is not base64; allowed: byte[] or"
                + " a base64 string");
  }

  @Test
  void stringColumnWithANumberIsRefused() {
    assertThat(message(valid().set("event_id", 7L)))
        .isEqualTo(
            SALE + "event_id: [row-value] STRING value Long 7 is not string; allowed: a string");
  }

  @Test
  void rowOver10MbIsRefused() {
    assertThat(message(valid().set("payload", new byte[8 * 1024 * 1024])))
        .isEqualTo(
            SALE
                + "row: [row-size] row is about 11184888 bytes as JSON; allowed: at most 10485760"
                + " bytes (10 MB)");
  }
}
