package io.entityflow.pipelines.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.pipelines.EntityTopicsToBigQuery;
import io.entityflow.pipelines.EntityTopicsToWarehouse;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class RowPathTest {
  private static final String ALLOWED =
      "; allowed: --rowPath=DIRECT with --warehouse=BIGQUERY, --writeMethod=AT_LEAST_ONCE and"
          + " --currentTables=false, or --rowPath=TABLE_ROW with any of them";

  private static EntityTopicsToBigQueryOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(EntityTopicsToBigQueryOptions.class);
  }

  @Test
  void tableRowIsTheDefault() {
    assertThat(options().getRowPath()).isEqualTo(RowPath.TABLE_ROW);
  }

  @Test
  void directNeedsTheAtLeastOnceWriteMethod() {
    assertThatThrownBy(
            () -> EntityTopicsToWarehouse.requireSupportedRowPath(options("--rowPath=DIRECT")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--rowPath=DIRECT appends at-least-once only, but --writeMethod is EXACTLY_ONCE"
                + ALLOWED);
  }

  @Test
  void directDoesNotWriteCurrentStateTables() {
    assertThatThrownBy(
            () ->
                EntityTopicsToWarehouse.requireSupportedRowPath(
                    options(
                        "--rowPath=DIRECT", "--writeMethod=AT_LEAST_ONCE", "--currentTables=true")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--rowPath=DIRECT does not write current-state tables, but --currentTables is true"
                + ALLOWED);
  }

  @Test
  void directWritesBigQueryOnly() {
    assertThatThrownBy(
            () ->
                EntityTopicsToWarehouse.requireSupportedRowPath(
                    options(
                        "--rowPath=DIRECT", "--writeMethod=AT_LEAST_ONCE", "--warehouse=LOCAL")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--rowPath=DIRECT writes to BigQuery only, but --warehouse is LOCAL" + ALLOWED);
  }

  @Test
  void supportedCombinationsPass() {
    assertThatCode(
            () -> {
              EntityTopicsToWarehouse.requireSupportedRowPath(
                  options("--rowPath=DIRECT", "--writeMethod=AT_LEAST_ONCE"));
              EntityTopicsToWarehouse.requireSupportedRowPath(
                  options("--writeMethod=EXACTLY_ONCE", "--currentTables=true"));
              EntityTopicsToWarehouse.requireSupportedRowPath(
                  options("--rowPath=TABLE_ROW", "--warehouse=LOCAL"));
            })
        .doesNotThrowAnyException();
  }

  @Test
  void runRefusesAnUnsupportedCombinationBeforeTouchingAnyWarehouse() {
    assertThatThrownBy(
            () ->
                EntityTopicsToBigQuery.run(
                    options("--project=p-none", "--rowPath=DIRECT", "--writeMethod=EXACTLY_ONCE")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--rowPath=DIRECT appends at-least-once only, but --writeMethod is EXACTLY_ONCE"
                + ALLOWED);
  }
}
