package io.entityflow.pipelines.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.entityflow.contract.bigquery.BigQuerySchemaMapper;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.events.SampleEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireRowReaderTest {
  @Test
  void everyValueConversionReadsToTheSameRowAsTheParsedMessage() throws Exception {
    List<TableColumn> columns = BigQuerySchemaMapper.columnsOf(ProtoRowConverterTest.EVERY);
    DynamicMessage message = ProtoRowConverterTest.everyTypeMessage();

    assertThat(WireRowReader.of(columns, ProtoRowConverterTest.EVERY).read(message.toByteArray()))
        .isEqualTo(ProtoRowConverter.of(columns, ProtoRowConverterTest.EVERY).convert(message));
    assertThat(WireRowReader.of(columns, ProtoRowConverterTest.EVERY).read(new byte[0]))
        .isEqualTo(
            ProtoRowConverter.of(columns, ProtoRowConverterTest.EVERY)
                .convert(DynamicMessage.getDefaultInstance(ProtoRowConverterTest.EVERY)));
  }

  @Test
  void everySampleEntityReadsToItsExactColumns() throws Exception {
    EntityRegistry registry = EntityRegistry.load();
    for (Map.Entry<String, SampleEvents.Sample> sample : SampleEvents.all().entrySet()) {
      EntityDefinition entity = registry.forTopic(sample.getKey()).orElseThrow();
      WireRowReader reader =
          WireRowReader.of(EntityTable.of(entity).entityColumns(), PayloadDescriptor.of(entity));

      assertThat(reader.read(sample.getValue().message().toByteArray()))
          .as(sample.getKey())
          .isEqualTo(sample.getValue().columns());
    }
  }

  @Test
  void truncatedPayloadIsRefusedWithProtobufsMessage() {
    EntityDefinition sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();
    WireRowReader reader =
        WireRowReader.of(EntityTable.of(sale).entityColumns(), PayloadDescriptor.of(sale));

    assertThatThrownBy(() -> reader.read(new byte[] {0x0a, 0x05, 'a'}))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessage(
            "While parsing a protocol message, the input ended unexpectedly in the middle of a"
                + " field.  This could mean either that the input has been truncated or that an"
                + " embedded message misreported its own length.");
  }
}
