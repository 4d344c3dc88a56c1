package io.entityflow.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Where the pipeline reports its OpenLineage run events (job, input topics, output tables); see
 * {@code io.entityflow.pipelines.lineage.LineageEmitter}. Nothing is reported when neither {@code
 * --openLineageUrl} nor {@code --openLineageFile} is set.
 *
 * <pre>{@code
 * --openLineageUrl=http://marquez:5000 --openLineageNamespace=acme-prod
 * --openLineageFile=.entityflow/lineage/events.jsonl
 * }</pre>
 */
public interface OpenLineageOptions extends PipelineOptions {
  @Description(
      "Base URL of an OpenLineage HTTP endpoint (e.g. Marquez): each run event is POSTed as JSON to"
          + " <url>/api/v1/lineage. A failed POST is logged as a WARN and never stops the pipeline.")
  String getOpenLineageUrl();

  void setOpenLineageUrl(String value);

  @Description("File that each OpenLineage run event is appended to, one JSON document per line.")
  String getOpenLineageFile();

  void setOpenLineageFile(String value);

  @Description("OpenLineage job namespace (the scheduler or installation running the job).")
  @Default.String("entityflow")
  String getOpenLineageNamespace();

  void setOpenLineageNamespace(String value);

  @Description("OpenLineage job name; default: --pipelineName.")
  String getOpenLineageJobName();

  void setOpenLineageJobName(String value);

  @Description(
      "Add the OpenLineage schema facet (top-level columns with their BigQuery types) to every"
          + " output table of the run events.")
  @Default.Boolean(true)
  Boolean getOpenLineageSchemaFacets();

  void setOpenLineageSchemaFacets(Boolean value);
}
