package io.entityflow.pipelines.dataflow;

import com.google.api.services.dataflow.model.Job;
import com.google.api.services.dataflow.model.Step;
import io.entityflow.pipelines.EntityTopicsToBigQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of a {@link Job} the DataflowRunner submitted: its steps by user name (the
 * transform names of the pipeline, e.g. {@code "Read sale_v1/PubsubUnboundedSource"}), the Pub/Sub
 * subscriptions it reads and which steps feed which.
 *
 * <pre>{@code
 * TranslatedJob job = new TranslatedJob(api.onlySubmittedJob());
 * job.pubsubReads();             // {"Read sale_v1/PubsubUnboundedSource": "/subscriptions/p/sale_v1_pipeline"}
 * job.inputsOf("All dead letters");   // ["Events of sale_v1/Parse sale_v1", ...]
 * }</pre>
 *
 * <p>Step properties are read as the runner encodes them: a string is {@code {"@type": ...,
 * "value": "..."}} and an input is an {@code OutputReference} naming the producing step.
 */
public final class TranslatedJob {
  private final Job job;
  private final Map<String, Step> stepsById = new LinkedHashMap<>();

  /** Views {@code job}. */
  public TranslatedJob(Job job) {
    this.job = job;
    if (job.getSteps() != null) {
      job.getSteps().forEach(step -> stepsById.put(step.getName(), step));
    }
  }

  /** The job itself. */
  public Job job() {
    return job;
  }

  /** {@code JOB_TYPE_STREAMING} or {@code JOB_TYPE_BATCH}. */
  public String type() {
    return job.getType();
  }

  /** The user name of every step, in the order of the job. */
  public List<String> userNames() {
    List<String> names = new ArrayList<>();
    stepsById.values().forEach(step -> names.add(userName(step)));
    return names;
  }

  /** The subscription of every Pub/Sub read, by the read step's user name, in job order. */
  public Map<String, String> pubsubReads() {
    Map<String, String> reads = new LinkedHashMap<>();
    for (Step step : stepsById.values()) {
      if ("ParallelRead".equals(step.getKind()) && "pubsub".equals(text(step, "format"))) {
        reads.put(userName(step), text(step, "pubsub_subscription"));
      }
    }
    return reads;
  }

  /** The user names of the steps whose outputs {@code userName} consumes, in property order. */
  public List<String> inputsOf(String userName) {
    Step step = step(userName);
    List<String> inputs = new ArrayList<>();
    Object parallelInput = step.getProperties().get("parallel_input");
    if (parallelInput != null) {
      inputs.add(producerOf(parallelInput));
    }
    Object flattenInputs = step.getProperties().get("inputs");
    if (flattenInputs instanceof List<?> references) {
      references.forEach(reference -> inputs.add(producerOf(reference)));
    }
    return inputs;
  }

  /** The step of this user name; fails naming every user name when there is none. */
  public Step step(String userName) {
    return stepsById.values().stream()
        .filter(step -> userName.equals(userName(step)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no step named '" + userName + "'; steps: " + userNames()));
  }

  private String producerOf(Object reference) {
    String stepId = String.valueOf(((Map<?, ?>) reference).get("step_name"));
    Step producer = stepsById.get(stepId);
    if (producer == null) {
      throw new IllegalStateException("input refers to unknown step " + stepId);
    }
    return userName(producer);
  }

  /**
   * The user name of a step relative to the pipeline's one transform ({@link
   * EntityTopicsToBigQuery#GRAPH}): {@code Read sale_v1/PubsubUnboundedSource}.
   */
  private static String userName(Step step) {
    String name = text(step, "user_name");
    String prefix = EntityTopicsToBigQuery.GRAPH + "/";
    return name != null && name.startsWith(prefix) ? name.substring(prefix.length()) : name;
  }

  private static String text(Step step, String property) {
    Object value = step.getProperties() == null ? null : step.getProperties().get(property);
    if (value instanceof Map<?, ?> encoded) {
      Object text = encoded.get("value");
      return text == null ? null : text.toString();
    }
    return value == null ? null : value.toString();
  }
}
