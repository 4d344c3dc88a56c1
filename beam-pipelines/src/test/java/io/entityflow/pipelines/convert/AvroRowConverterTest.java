package io.entityflow.pipelines.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.bigquery.model.TableRow;
import com.google.protobuf.DynamicMessage;
import io.entityflow.contract.bigquery.BigQuerySchemaMapper;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.bigquery.BigQuerySchemas;
import io.entityflow.pipelines.events.SampleEvents;
import io.entityflow.pipelines.testing.Rows;
import io.entityflow.pipelines.testing.StorageApiAvro;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

class AvroRowConverterTest {
  /** Encodes the row as the Storage Read API would send it and reads it back. */
  private static TableRow throughStorageApi(List<TableColumn> columns, Map<String, ?> row)
      throws Exception {
    Schema schema = StorageApiAvro.schema(BigQuerySchemas.fields(columns));
    byte[] wire = StorageApiAvro.encode(schema, List.of(row));
    GenericRecord record =
        new GenericDatumReader<GenericRecord>(schema)
            .read(null, DecoderFactory.get().binaryDecoder(wire, null));
    return AvroRowConverter.of(columns).convert(record);
  }

  private static com.google.protobuf.Descriptors.FieldDescriptor field(String name) {
    return ProtoRowConverterTest.EVERY.findFieldByName(name);
  }

  @Test
  void everyValueConversionComesBackAsTheRowItWasWrittenAs() throws Exception {
    List<TableColumn> columns = BigQuerySchemaMapper.columnsOf(ProtoRowConverterTest.EVERY);
    DynamicMessage message = ProtoRowConverterTest.everyTypeMessage();
    TableRow written = ProtoRowConverter.of(columns, ProtoRowConverterTest.EVERY).convert(message);

    TableRow read = throughStorageApi(columns, written);

    assertThat(Rows.json(read)).isEqualTo(Rows.json(written));
    RowProtoConverter rebuild = RowProtoConverter.of(columns, ProtoRowConverterTest.EVERY);
    assertThat(rebuild.convert(read)).isEqualTo(rebuild.convert(written));
    assertThat(rebuild.convert(read).toBuilder().clearField(field("ts")).build())
        .as("equal to the original but for the timestamp nanoseconds BigQuery does not keep")
        .isEqualTo(message.toBuilder().clearField(field("ts")).build());
  }

  @Test
  void everySampleEntityComesBackAsItsExactColumns() throws Exception {
    EntityRegistry registry = EntityRegistry.load();
    for (Map.Entry<String, SampleEvents.Sample> sample : SampleEvents.all().entrySet()) {
      EntityDefinition entity = registry.forTopic(sample.getKey()).orElseThrow();
      List<TableColumn> columns = EntityTable.of(entity).entityColumns();

      TableRow read = throughStorageApi(columns, sample.getValue().columns());

      assertThat(Rows.json(read))
          .as(sample.getKey())
          .isEqualTo(Rows.json(sample.getValue().columns()));
      RowProtoConverter rebuild = RowProtoConverter.of(columns, PayloadDescriptor.of(entity));
      assertThat(rebuild.convert(read).toByteArray())
          .as(sample.getKey())
          .isEqualTo(rebuild.convert(sample.getValue().columns()).toByteArray());
    }
  }

  @Test
  void valueOfAnUnexpectedAvroTypeIsRefusedNamingTheColumn() {
    EntityDefinition sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();
    Schema schema =
        Schema.createRecord(
            "__root__",
            null,
            "bigquery",
            false,
            List.of(new Schema.Field("occurred_at", Schema.create(Schema.Type.BOOLEAN))));
    GenericData.Record record = new GenericData.Record(schema);
    record.put("occurred_at", true);

    assertThatThrownBy(() -> AvroRowConverter.of(EntityTable.of(sale).columns()).convert(record))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "column 'occurred_at' (TIMESTAMP) has an Avro value of type java.lang.Boolean;"
                + " allowed: the Avro types of the BigQuery Storage Read API for TIMESTAMP");
  }
}
