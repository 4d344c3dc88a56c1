package io.entityflow.pipelines.replay;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import com.google.cloud.bigquery.storage.v1.AvroRows;
import com.google.cloud.bigquery.storage.v1.AvroSchema;
import com.google.cloud.bigquery.storage.v1.CreateReadSessionRequest;
import com.google.cloud.bigquery.storage.v1.DataFormat;
import com.google.cloud.bigquery.storage.v1.ReadRowsRequest;
import com.google.cloud.bigquery.storage.v1.ReadRowsResponse;
import com.google.cloud.bigquery.storage.v1.ReadSession;
import com.google.cloud.bigquery.storage.v1.ReadStream;
import com.google.cloud.bigquery.storage.v1.SplitReadStreamRequest;
import com.google.cloud.bigquery.storage.v1.SplitReadStreamResponse;
import com.google.protobuf.ByteString;
import io.entityflow.pipelines.convert.Timestamps;
import io.entityflow.pipelines.testing.StorageApiAvro;
import io.entityflow.testing.bigquery.RuleCheckingDatasetService;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.BigQueryServerStream;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.StorageClient;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;

/**
 * A BigQuery Storage Read API client over Beam's {@link FakeDatasetService}: a read session on a
 * fake table serves the table's rows, in Avro ({@link StorageApiAvro}), restricted to the selected
 * fields and to the row restriction. It understands only the restriction replay sends ({@code
 * occurred_at >= TIMESTAMP '…' AND occurred_at < TIMESTAMP '…'} in canonical form) and refuses any
 * other, as a test of what replay asks for. Every request is recorded ({@link #requests()}).
 *
 * <p>Serializable (Beam serializes the services): copies share state through a static map keyed by
 * the instance id.
 */
final class FakeStorageReadClient implements StorageClient, Serializable {
  private static final Pattern RESTRICTION =
      Pattern.compile("occurred_at >= TIMESTAMP '([^']+)' AND occurred_at < TIMESTAMP '([^']+)'");
  private static final DateTimeFormatter LITERAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);
  private static final Map<String, List<CreateReadSessionRequest>> REQUESTS =
      new ConcurrentHashMap<>();
  private static final Map<String, ReadRowsResponse> STREAMS = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();

  FakeStorageReadClient() {
    REQUESTS.put(id, new CopyOnWriteArrayList<>());
  }

  /** The read session requests received so far. */
  List<CreateReadSessionRequest> requests() {
    return List.copyOf(REQUESTS.get(id));
  }

  @Override
  public ReadSession createReadSession(CreateReadSessionRequest request) {
    REQUESTS.get(id).add(request);
    ReadSession asked = request.getReadSession();
    Matcher range = RESTRICTION.matcher(asked.getReadOptions().getRowRestriction());
    if (!range.matches()) {
      throw new IllegalArgumentException(
          "row restriction not understood: " + asked.getReadOptions().getRowRestriction());
    }
    Instant from = Instant.from(LITERAL.parse(range.group(1)));
    Instant to = Instant.from(LITERAL.parse(range.group(2)));
    String[] path = asked.getTable().split("/");
    Table table;
    List<TableRow> rows;
    try {
      FakeDatasetService datasets = new RuleCheckingDatasetService();
      table =
          datasets.getTable(
              new TableReference().setProjectId(path[1]).setDatasetId(path[3]).setTableId(path[5]));
      rows = datasets.getAllRows(path[1], path[3], path[5]);
    } catch (Exception e) {
      throw new IllegalStateException("fake table " + asked.getTable() + " unreadable", e);
    }
    List<String> selected = asked.getReadOptions().getSelectedFieldsList();
    List<TableFieldSchema> fields = new ArrayList<>();
    for (TableFieldSchema field : table.getSchema().getFields()) {
      if (selected.isEmpty() || selected.contains(field.getName())) {
        fields.add(field);
      }
    }
    List<TableRow> inRange = new ArrayList<>();
    for (TableRow row : rows) {
      Instant occurredAt = Timestamps.parse("occurred_at", (String) row.get("occurred_at"));
      if (!occurredAt.isBefore(from) && occurredAt.isBefore(to)) {
        inRange.add(row);
      }
    }
    Schema schema = StorageApiAvro.schema(fields);
    String session = "projects/" + path[1] + "/locations/us/sessions/" + UUID.randomUUID();
    ReadSession.Builder answer =
        ReadSession.newBuilder()
            .setName(session)
            .setTable(asked.getTable())
            .setDataFormat(DataFormat.AVRO)
            .setAvroSchema(AvroSchema.newBuilder().setSchema(schema.toString()));
    if (!inRange.isEmpty()) {
      String stream = session + "/streams/0";
      STREAMS.put(
          stream,
          ReadRowsResponse.newBuilder()
              .setRowCount(inRange.size())
              .setAvroRows(
                  AvroRows.newBuilder()
                      .setSerializedBinaryRows(
                          ByteString.copyFrom(StorageApiAvro.encode(schema, inRange)))
                      .setRowCount(inRange.size()))
              .build());
      answer.addStreams(ReadStream.newBuilder().setName(stream));
    }
    return answer.build();
  }

  @Override
  public BigQueryServerStream<ReadRowsResponse> readRows(ReadRowsRequest request) {
    ReadRowsResponse response = STREAMS.get(request.getReadStream());
    if (response == null) {
      throw new IllegalArgumentException("no read stream " + request.getReadStream());
    }
    return new Responses(request.getOffset() == 0 ? List.of(response) : List.of());
  }

  @Override
  public BigQueryServerStream<ReadRowsResponse> readRows(
      ReadRowsRequest request, String fullTableId) {
    return readRows(request);
  }

  @Override
  public SplitReadStreamResponse splitReadStream(SplitReadStreamRequest request) {
    return SplitReadStreamResponse.getDefaultInstance();
  }

  @Override
  public SplitReadStreamResponse splitReadStream(
      SplitReadStreamRequest request, String fullTableId) {
    return splitReadStream(request);
  }

  @Override
  public void close() {}

  /** The responses of one stream. */
  private static final class Responses implements BigQueryServerStream<ReadRowsResponse> {
    private final List<ReadRowsResponse> responses;

    Responses(List<ReadRowsResponse> responses) {
      this.responses = responses;
    }

    @Override
    public Iterator<ReadRowsResponse> iterator() {
      return responses.iterator();
    }

    @Override
    public void cancel() {}
  }
}
