package io.entityflow.pipelines.lineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.beam.sdk.PipelineResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the OpenLineage run events of one pipeline run and sends them to its transports. The
 * events follow the <a href="https://openlineage.io/spec/2-0-2/OpenLineage.json">OpenLineage 2-0-2
 * JSON schema</a> ({@code RunEvent}: {@code eventType}, {@code eventTime}, {@code run.runId},
 * {@code job.namespace}/{@code name}, {@code inputs}, {@code outputs}, {@code producer}, {@code
 * schemaURL}); datasets are named by the <a href="https://openlineage.io/docs/spec/naming/">naming
 * conventions</a> ({@link LineageDataset}); output tables may carry the {@code schema} dataset
 * facet (<a
 * href="https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json">SchemaDatasetFacet
 * 1-2-0</a>).
 *
 * <pre>{@code
 * LineageEmitter lineage = new LineageEmitter("entityflow", "entity-topics-to-bigquery",
 *     inputs, outputs, List.of(new HttpLineageTransport("http://marquez:5000")),
 *     Clock.systemUTC(), UUID::randomUUID);
 * PipelineResult result = lineage.observe(pipeline::run);
 * }</pre>
 *
 * <p>Guarantees: one run id per emitter; {@link #observe} sends START before the run, then
 * COMPLETE, FAIL or ABORT when the run method returns a finished run (bounded and local runs) or
 * throws, nothing more while a streaming job keeps running; a transport failure never reaches the
 * pipeline: it is counted ({@link #failures()}) and logged as a WARN naming the event, the run and
 * the endpoint or file, never the event's content.
 */
public final class LineageEmitter {
  /** The {@code schemaURL} of every event: the RunEvent definition of OpenLineage 2-0-2. */
  public static final String SCHEMA_URL =
      "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";

  /** The {@code _schemaURL} of the schema dataset facet. */
  public static final String SCHEMA_FACET_URL =
      "https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet";

  /** The {@code producer} of every event (and {@code _producer} of its facets). */
  public static final String PRODUCER = "urn:entityflow:beam-pipelines";

  private static final Logger LOG = LoggerFactory.getLogger(LineageEmitter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String jobNamespace;
  private final String jobName;
  private final List<LineageDataset> inputs;
  private final List<LineageDataset> outputs;
  private final List<LineageTransport> transports;
  private final Clock clock;
  private final String runId;
  private final AtomicInteger failures = new AtomicInteger();

  /** An emitter of one run with a run id from {@code runIds}. */
  public LineageEmitter(
      String jobNamespace,
      String jobName,
      List<LineageDataset> inputs,
      List<LineageDataset> outputs,
      List<LineageTransport> transports,
      Clock clock,
      Supplier<UUID> runIds) {
    this.jobNamespace = Objects.requireNonNull(jobNamespace, "jobNamespace");
    this.jobName = Objects.requireNonNull(jobName, "jobName");
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.transports = List.copyOf(transports);
    this.clock = clock;
    this.runId = runIds.get().toString();
  }

  /** The run id of every event of this emitter. */
  public String runId() {
    return runId;
  }

  /** The input datasets of every event. */
  public List<LineageDataset> inputs() {
    return inputs;
  }

  /** The output datasets of every event. */
  public List<LineageDataset> outputs() {
    return outputs;
  }

  /** The same run (job, datasets, clock, run id) sent to other transports. */
  public LineageEmitter withTransports(List<LineageTransport> others) {
    UUID id = UUID.fromString(runId);
    return new LineageEmitter(jobNamespace, jobName, inputs, outputs, others, clock, () -> id);
  }

  /** True when events go somewhere (at least one transport). */
  public boolean enabled() {
    return !transports.isEmpty();
  }

  /** How many events a transport could not deliver so far. */
  public int failures() {
    return failures.get();
  }

  /**
   * Sends START, runs the pipeline, then sends COMPLETE (state DONE), FAIL (FAILED, or the run
   * method threw) or ABORT (CANCELLED); a still running job (streaming) gets no second event.
   * Without transports it only runs the pipeline.
   */
  public PipelineResult observe(Supplier<PipelineResult> run) {
    if (!enabled()) {
      return run.get();
    }
    emit("START");
    PipelineResult result;
    try {
      result = run.get();
    } catch (RuntimeException | Error e) {
      emit("FAIL");
      throw e;
    }
    PipelineResult.State state = result.getState();
    if (state == PipelineResult.State.DONE) {
      emit("COMPLETE");
    } else if (state == PipelineResult.State.FAILED) {
      emit("FAIL");
    } else if (state == PipelineResult.State.CANCELLED) {
      emit("ABORT");
    }
    return result;
  }

  /** Sends one event of this run to every transport; failures are counted and logged. */
  public void emit(String eventType) {
    String json = event(eventType);
    for (LineageTransport transport : transports) {
      try {
        transport.send(json);
      } catch (IOException | RuntimeException e) {
        int lost = failures.incrementAndGet();
        LOG.warn(
            "OpenLineage {} event of run {} (job {}/{}) was not delivered to {}: {}; {} event(s)"
                + " lost so far, the pipeline goes on",
            eventType,
            runId,
            jobNamespace,
            jobName,
            transport.target(),
            e.getMessage(),
            lost);
      }
    }
  }

  /** The event as one line of JSON. */
  public String event(String eventType) {
    ObjectNode event = JSON.createObjectNode();
    event.put("eventType", eventType);
    event.put("eventTime", DateTimeFormatter.ISO_INSTANT.format(clock.instant()));
    event.putObject("run").put("runId", runId);
    ObjectNode job = event.putObject("job");
    job.put("namespace", jobNamespace);
    job.put("name", jobName);
    datasets(event.putArray("inputs"), inputs);
    datasets(event.putArray("outputs"), outputs);
    event.put("producer", PRODUCER);
    event.put("schemaURL", SCHEMA_URL);
    try {
      return JSON.writeValueAsString(event);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write an OpenLineage event: " + e.getMessage(), e);
    }
  }

  private static void datasets(ArrayNode array, List<LineageDataset> datasets) {
    for (LineageDataset dataset : datasets) {
      ObjectNode node = array.addObject();
      node.put("namespace", dataset.namespace());
      node.put("name", dataset.name());
      if (!dataset.fields().isEmpty()) {
        ObjectNode schema = node.putObject("facets").putObject("schema");
        schema.put("_producer", PRODUCER);
        schema.put("_schemaURL", SCHEMA_FACET_URL);
        fields(schema.putArray("fields"), dataset.fields());
      }
    }
  }

  private static void fields(ArrayNode array, List<LineageDataset.Field> fields) {
    for (LineageDataset.Field field : fields) {
      ObjectNode node = array.addObject();
      node.put("name", field.name());
      node.put("type", field.type());
      if (!field.description().isEmpty()) {
        node.put("description", field.description());
      }
      if (!field.fields().isEmpty()) {
        fields(node.putArray("fields"), field.fields());
      }
    }
  }
}
