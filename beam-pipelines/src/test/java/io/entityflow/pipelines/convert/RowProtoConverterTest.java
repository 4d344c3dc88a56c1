package io.entityflow.pipelines.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.bigquery.model.TableRow;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.entityflow.contract.bigquery.BigQuerySchemaMapper;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.events.SampleEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowProtoConverterTest {
  @Test
  void everyValueConversionRoundTripsFromRowToMessageToTheSameRow() {
    Descriptor every = ProtoRowConverterTest.EVERY;
    List<TableColumn> columns = BigQuerySchemaMapper.columnsOf(every);
    TableRow row =
        ProtoRowConverter.of(columns, every).convert(ProtoRowConverterTest.everyTypeMessage());

    DynamicMessage rebuilt = RowProtoConverter.of(columns, every).convert(row);

    assertThat(ProtoRowConverter.of(columns, every).convert(rebuilt)).isEqualTo(row);
  }

  @Test
  void everySampleEntityRoundTripsToTheSamePayloadBytesAtMicrosecondPrecision() {
    EntityRegistry registry = EntityRegistry.load();
    for (Map.Entry<String, SampleEvents.Sample> sample : SampleEvents.all().entrySet()) {
      var entity = registry.forTopic(sample.getKey()).orElseThrow();
      List<TableColumn> columns = EntityTable.of(entity).entityColumns();
      Message original = truncateToMicros(sample.getValue().message());
      TableRow row = ProtoRowConverter.of(columns, PayloadDescriptor.of(entity)).convert(original);

      DynamicMessage rebuilt =
          RowProtoConverter.of(columns, PayloadDescriptor.of(entity)).convert(row);

      assertThat(rebuilt.toByteArray()).as(sample.getKey()).isEqualTo(original.toByteArray());
    }
  }

  @Test
  void aValueThatDoesNotFitNamesTheColumn() {
    var sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();
    RowProtoConverter converter =
        RowProtoConverter.of(EntityTable.of(sale).entityColumns(), PayloadDescriptor.of(sale));

    assertThatThrownBy(() -> converter.convert(new TableRow().set("channel", "x9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "column 'channel' of acme.retail.sale.v1.Sale has a value that does not fit: ");
  }

  private static Message truncateToMicros(Message message) {
    Message.Builder builder = message.toBuilder();
    for (var field : message.getDescriptorForType().getFields()) {
      if (!field.isRepeated()
          && field.getJavaType() == com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE
          && field.getMessageType().getFullName().equals("google.protobuf.Timestamp")
          && message.hasField(field)) {
        com.google.protobuf.Timestamp ts;
        try {
          ts =
              com.google.protobuf.Timestamp.parseFrom(
                  ((Message) message.getField(field)).toByteString());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          throw new IllegalStateException(e);
        }
        builder.setField(field, ts.toBuilder().setNanos(ts.getNanos() / 1000 * 1000).build());
      }
    }
    return builder.build();
  }
}
