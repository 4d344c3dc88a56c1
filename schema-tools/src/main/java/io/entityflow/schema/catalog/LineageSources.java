package io.entityflow.schema.catalog;

import io.entityflow.contract.layout.ConsumerResources;
import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the catalog knows beyond the contract, for the lineage section of each entity page: the
 * producers seen in the local warehouse (if one is given), the alert rules file, the consumers file
 * and the pipeline's Dataflow job name. Immutable.
 *
 * <pre>{@code
 * LineageSources sources = LineageSources.read(registry, Optional.of(Path.of(".entityflow/warehouse")),
 *     Optional.empty(), Optional.empty(), LineageSources.DEFAULT_PIPELINE_JOB);
 * DataCatalog.of(registry, sources).write(Path.of("target/catalog"));
 * }</pre>
 *
 * @param producers producers per {@code dataset.table}, empty when no warehouse was read
 * @param producersSource where they come from, or how to get them
 * @param alertRules the rules watching each entity
 * @param alertRulesSource the rules file read, or the built-in default
 * @param consumers the declared consumers per topic
 * @param pipelineJob the Dataflow job name of the pipeline
 */
public record LineageSources(
    Map<String, List<String>> producers,
    String producersSource,
    AlertRulesSummary alertRules,
    String alertRulesSource,
    Map<String, List<ConsumerResources>> consumers,
    String pipelineJob) {

  /** The pipeline's Dataflow job name: Terraform's {@code job_name} default. */
  public static final String DEFAULT_PIPELINE_JOB = "entityflow-pipeline";

  public LineageSources {
    producers = Map.copyOf(producers);
    consumers = Map.copyOf(consumers);
  }

  /**
   * Nothing beyond the contract: producers by BigQuery query, built-in alert rule, no consumers.
   */
  public static LineageSources none() {
    return new LineageSources(
        Map.of(),
        "not read: run the BigQuery query below (or catalog a local warehouse with --warehouse)",
        AlertRulesSummary.builtIn(),
        "no rules file: the alerting service's built-in rule",
        Map.of(),
        DEFAULT_PIPELINE_JOB);
  }

  /** Reads the given warehouse, rules file and consumers file (each optional). */
  public static LineageSources read(
      EntityRegistry registry,
      Optional<Path> warehouse,
      Optional<Path> alertRules,
      Optional<Path> consumers,
      String pipelineJob) {
    LineageSources none = none();
    return new LineageSources(
        warehouse.map(w -> WarehouseProducers.local(w, registry)).orElse(Map.of()),
        warehouse.map(w -> "local warehouse " + w).orElse(none.producersSource()),
        alertRules.map(AlertRulesSummary::read).orElse(none.alertRules()),
        alertRules.map(r -> "rules file " + r).orElse(none.alertRulesSource()),
        consumers.map(c -> ConsumersFile.read(c, registry)).orElse(Map.of()),
        pipelineJob);
  }

  /** The lineage of one entity. */
  public CatalogLineage lineage(EntityDefinition entity, PhysicalLayout layout) {
    EntityResources resources = layout.entity(entity);
    String table = resources.table().qualifiedName();
    return new CatalogLineage(
        producers.getOrDefault(table, List.of()),
        producersSource,
        WarehouseProducers.bigQuery(table, resources.table().partitionField()),
        resources.topic(),
        resources.pipelineSubscription(),
        resources.deadLetterTopic(),
        "Dataflow job "
            + pipelineJob
            + " (Terraform job_name); locally the local pipeline of entityflow demo",
        table,
        resources.table().dataset() + "." + resources.latestView(),
        consumers.getOrDefault(resources.topic(), List.of()),
        alertRules.lines(entity),
        alertRulesSource);
  }
}
