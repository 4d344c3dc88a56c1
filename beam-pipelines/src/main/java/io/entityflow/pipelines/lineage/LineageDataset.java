package io.entityflow.pipelines.lineage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One dataset of a run event, named by the <a href="https://openlineage.io/docs/spec/naming/">
 * OpenLineage naming conventions</a>: a Pub/Sub topic is namespace {@code pubsub}, name {@code
 * topic:{projectId}:{topicId}}; a BigQuery table is namespace {@code bigquery}, name {@code
 * {projectId}.{dataset}.{table}}; a local file is namespace {@code file}, name its absolute path.
 *
 * <pre>{@code
 * LineageDataset.pubsubTopic("acme", "sale_v1");            // pubsub, topic:acme:sale_v1
 * LineageDataset.bigQueryTable("acme.retail.sale_v1");      // bigquery, acme.retail.sale_v1
 * }</pre>
 *
 * @param namespace the datasource
 * @param name the dataset within it
 * @param fields the schema facet's fields (top-level columns), empty for none
 */
public record LineageDataset(String namespace, String name, List<Field> fields) {
  public LineageDataset {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
  }

  /** A Pub/Sub topic. */
  public static LineageDataset pubsubTopic(String project, String topic) {
    return new LineageDataset("pubsub", "topic:" + project + ":" + topic, List.of());
  }

  /** A BigQuery table given as {@code project.dataset.table}. */
  public static LineageDataset bigQueryTable(String tableId) {
    return new LineageDataset("bigquery", tableId, List.of());
  }

  /** A directory or file on the local file system (the local warehouse's tables). */
  public static LineageDataset localPath(Path path) {
    return new LineageDataset("file", path.toAbsolutePath().normalize().toString(), List.of());
  }

  /** The same dataset with a schema facet of these fields. */
  public LineageDataset withFields(List<Field> schema) {
    return new LineageDataset(namespace, name, schema);
  }

  /**
   * One field of the schema facet.
   *
   * @param name column name
   * @param type column type, e.g. {@code TIMESTAMP}, {@code STRUCT}, {@code ARRAY<STRUCT>}
   * @param description column description, empty for none
   * @param fields the sub-fields of a {@code STRUCT}, empty otherwise
   */
  public record Field(String name, String type, String description, List<Field> fields) {
    public Field {
      fields = List.copyOf(fields);
    }
  }
}
