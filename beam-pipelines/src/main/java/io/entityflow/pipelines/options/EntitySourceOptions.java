package io.entityflow.pipelines.options;

import io.entityflow.contract.layout.PhysicalLayout;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Which entities the pipeline reads and from which subscriptions.
 *
 * <pre>{@code
 * --entities=Sale,Customer --subscriptionPattern=projects/p/subscriptions/{topic}_pipeline
 * }</pre>
 */
public interface EntitySourceOptions extends PipelineOptions {
  /** Placeholder of the topic name in {@link #getSubscriptionPattern()}. */
  String TOPIC_PLACEHOLDER = "{topic}";

  @Description(
      "Entities to read, by entity name (e.g. Sale) or full message name; empty = every entity of"
          + " the registry.")
  List<String> getEntities();

  void setEntities(List<String> value);

  @Description(
      "Subscription of each entity topic; '{topic}' is replaced by the topic name. A short name"
          + " is taken in the Pub/Sub project (--pubsubProject or --project). The default is the"
          + " layout's pipeline subscription, which Terraform and local mode create.")
  @Default.String("{topic}" + PhysicalLayout.PIPELINE_SUBSCRIPTION_SUFFIX)
  String getSubscriptionPattern();

  void setSubscriptionPattern(String value);

  @Description("Project of the topics and subscriptions; default: --project.")
  String getPubsubProject();

  void setPubsubProject(String value);
}
