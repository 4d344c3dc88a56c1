package io.entityflow.contract.layout;

import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.LatestViewSql;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The physical layout of one installation: every table and Pub/Sub resource the system owns, named
 * once from the contract. An optional dataset prefix (e.g. {@code prod_}) lets several
 * installations share a BigQuery project; it applies to every dataset, the system dataset included,
 * and nowhere else. The local warehouse uses no prefix.
 *
 * <pre>{@code
 * PhysicalLayout layout = PhysicalLayout.of(registry).withDatasetPrefix("prod_");
 * EntityResources sale = layout.entity(registry.forTopic("sale_v1").orElseThrow());
 * layout.tableId("acme-data", sale.table());   // "acme-data.prod_retail.sale_v1"
 * layout.tables();                             // entity tables, then dead_letter, pipeline_heartbeat
 * }</pre>
 *
 * <p>Guarantees: immutable; names depend only on the contract and the prefix; a prefix that
 * BigQuery would refuse in a dataset id is refused here with the bad value.
 */
public final class PhysicalLayout {
  /** Dataset of Entityflow's own tables (dead letters, pipeline heartbeat). */
  public static final String SYSTEM_DATASET = "entityflow";

  /** Suffix of the pipeline subscription of every entity topic. */
  public static final String PIPELINE_SUBSCRIPTION_SUFFIX = "_pipeline";

  /** Suffix of the dead-letter topic of every entity topic. */
  public static final String DEAD_LETTER_TOPIC_SUFFIX = "_dead_letter";

  /** Suffix of the subscription holding a dead-letter topic's messages. */
  public static final String HOLD_SUBSCRIPTION_SUFFIX = "_hold";

  /** Suffix of a consumer's replay topic and of its subscription. */
  public static final String REPLAY_SUFFIX = "_replay";

  /** Suffix of the current-state table of every entity table. */
  public static final String CURRENT_TABLE_SUFFIX = "_current";

  /** The longest consumer name. */
  public static final int MAX_CONSUMER_NAME_LENGTH = 64;

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]{0,64}");
  private static final Pattern CONSUMER_NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  private final Map<String, EntityResources> entities;
  private final String datasetPrefix;

  private PhysicalLayout(Map<String, EntityResources> entities, String datasetPrefix) {
    this.entities = entities;
    this.datasetPrefix = datasetPrefix;
  }

  /**
   * The layout of every entity of {@code registry}, without a dataset prefix; when an entity has a
   * PII field, followed by the system entity {@link SystemEntities#subjectKey() SubjectKey} (topic
   * {@code subject_key_v1}, table {@code entityflow.subject_key_v1}) that holds the subjects' keys.
   */
  public static PhysicalLayout of(EntityRegistry registry) {
    Map<String, EntityResources> entities = new LinkedHashMap<>();
    for (EntityDefinition entity : registry.entities()) {
      entities.put(entity.fullName(), resources(entity));
    }
    for (EntityDefinition system : SystemEntities.neededBy(registry.entities())) {
      entities.putIfAbsent(system.fullName(), resources(system));
    }
    return new PhysicalLayout(entities, "");
  }

  /** The same layout with every dataset named {@code prefix + dataset}. */
  public PhysicalLayout withDatasetPrefix(String prefix) {
    String value = prefix == null ? "" : prefix;
    if (!PREFIX.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "dataset prefix '"
              + value
              + "' is not allowed; allowed: up to 64 letters, digits and underscores (it starts"
              + " every BigQuery dataset id)");
    }
    return new PhysicalLayout(entities, value);
  }

  /** The prefix of every dataset id, empty for none. */
  public String datasetPrefix() {
    return datasetPrefix;
  }

  /** The BigQuery dataset id of a logical dataset: {@code prefix + dataset}. */
  public String datasetId(String dataset) {
    return datasetPrefix + dataset;
  }

  /** {@code project.datasetId.table} of a table, as BigQuery SQL and clients name it. */
  public String tableId(String project, TableDefinition table) {
    return project + "." + datasetId(table.dataset()) + "." + table.name();
  }

  /** {@code project.datasetId.table} of a table given as {@code dataset.table}. */
  public String tableId(String project, String qualifiedName) {
    return project + "." + datasetPrefix + qualifiedName;
  }

  /**
   * The resources of every entity, in registry order, then the system entities the contract needs
   * (see {@link #of}).
   */
  public List<EntityResources> entities() {
    return List.copyOf(entities.values());
  }

  /** The resources of one entity of the registry this layout was built from. */
  public EntityResources entity(EntityDefinition entity) {
    EntityResources resources = entities.get(entity.fullName());
    if (resources == null) {
      throw new IllegalArgumentException(
          "entity " + entity.fullName() + " is not in this layout; known: " + entities.keySet());
    }
    return resources;
  }

  /**
   * The resources of consumer {@code consumerName} of {@code entity}: subscription {@code
   * <topic>_<consumer>}, dead-letter topic {@code <topic>_<consumer>_dead_letter} with hold
   * subscription {@code <topic>_<consumer>_dead_letter_hold}, replay topic and subscription {@code
   * <topic>_<consumer>_replay}.
   *
   * @throws IllegalArgumentException naming the bad value and what is allowed when the name is not
   *     lower snake case, longer than {@value #MAX_CONSUMER_NAME_LENGTH} characters, or one whose
   *     names would collide with the pipeline's or another consumer's ({@code pipeline}, containing
   *     {@code dead_letter}, ending with {@code _replay})
   */
  public ConsumerResources consumer(EntityDefinition entity, String consumerName) {
    EntityResources resources = entity(entity);
    validateConsumerName(consumerName);
    String subscription = resources.topic() + "_" + consumerName;
    String deadLetterTopic = subscription + DEAD_LETTER_TOPIC_SUFFIX;
    return new ConsumerResources(
        entity,
        consumerName,
        resources.topic(),
        subscription,
        deadLetterTopic,
        deadLetterTopic + HOLD_SUBSCRIPTION_SUFFIX,
        subscription + REPLAY_SUFFIX,
        subscription + REPLAY_SUFFIX);
  }

  /**
   * Checks a consumer name (see {@link #consumer}).
   *
   * @throws IllegalArgumentException naming the bad value and what is allowed
   */
  public static void validateConsumerName(String consumerName) {
    String problem = null;
    if (consumerName == null
        || consumerName.length() > MAX_CONSUMER_NAME_LENGTH
        || !CONSUMER_NAME.matcher(consumerName).matches()) {
      problem = "";
    } else if (consumerName.equals("pipeline")
        || consumerName.contains("dead_letter")
        || consumerName.endsWith(REPLAY_SUFFIX)) {
      problem = " (its resource names would collide with the pipeline's or another consumer's)";
    }
    if (problem != null) {
      throw new IllegalArgumentException(
          "consumer name '"
              + consumerName
              + "' is not allowed"
              + problem
              + "; allowed: lower snake case (a-z and 0-9 in words joined by single"
              + " underscores, starting with a letter, e.g. loyalty_accrual), at most "
              + MAX_CONSUMER_NAME_LENGTH
              + " characters, not 'pipeline', not containing 'dead_letter', not ending with"
              + " '_replay'");
    }
  }

  /** The dead-letter table. */
  public TableDefinition deadLetterTable() {
    return DeadLetterTable.definition();
  }

  /** The heartbeat table. */
  public TableDefinition heartbeatTable() {
    return HeartbeatTable.definition();
  }

  /** The entity of a topic (and table) name, the system entities included. */
  public Optional<EntityResources> forTopic(String topic) {
    return entities.values().stream().filter(e -> e.topic().equals(topic)).findFirst();
  }

  /** Whether the layout holds the system entity {@link SystemEntities#subjectKey() SubjectKey}. */
  public boolean hasSubjectKeys() {
    return entities.containsKey(SystemEntities.SUBJECT_KEY);
  }

  /**
   * Every table: the entity tables in registry order (the system entities' after the contract's),
   * then the dead-letter and heartbeat tables.
   */
  public List<TableDefinition> tables() {
    List<TableDefinition> tables = new ArrayList<>();
    entities.values().forEach(e -> tables.add(e.table()));
    tables.add(deadLetterTable());
    tables.add(heartbeatTable());
    return tables;
  }

  /**
   * The current-state tables ({@link EntityResources#currentTable()}) of the contract's entities,
   * in registry order. The system entities have none: the subject keys must live in exactly one
   * table, so that erasing a key there erases it everywhere.
   */
  public List<TableDefinition> currentTables() {
    return entities.values().stream()
        .filter(e -> !e.entity().fullName().equals(SystemEntities.SUBJECT_KEY))
        .map(EntityResources::currentTable)
        .toList();
  }

  /** The current-state table named {@code dataset.table} (without prefix), if any. */
  public Optional<TableDefinition> currentTable(String qualifiedName) {
    return currentTables().stream()
        .filter(t -> t.qualifiedName().equals(qualifiedName))
        .findFirst();
  }

  /** The table named {@code dataset.table} (without prefix), empty for an unknown one. */
  public Optional<TableDefinition> table(String qualifiedName) {
    return tables().stream().filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst();
  }

  /** The table named {@code dataset.table}, or an error listing the known tables. */
  public TableDefinition requireTable(String qualifiedName) {
    return table(qualifiedName)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no table '"
                        + qualifiedName
                        + "' in the layout; known: "
                        + tables().stream().map(TableDefinition::qualifiedName).toList()));
  }

  /** Every dataset of the layout (logical names), the system dataset last. */
  public List<String> datasets() {
    List<String> datasets = new ArrayList<>();
    for (EntityResources entity : entities.values()) {
      String dataset = entity.table().dataset();
      if (!datasets.contains(dataset) && !dataset.equals(SYSTEM_DATASET)) {
        datasets.add(dataset);
      }
    }
    datasets.add(SYSTEM_DATASET);
    return datasets;
  }

  private static EntityResources resources(EntityDefinition entity) {
    String topic = entity.topicName();
    String deadLetterTopic = topic + DEAD_LETTER_TOPIC_SUFFIX;
    return new EntityResources(
        entity,
        topic,
        topic + PIPELINE_SUBSCRIPTION_SUFFIX,
        deadLetterTopic,
        deadLetterTopic + HOLD_SUBSCRIPTION_SUFFIX,
        TableDefinition.ofEntity(EntityTable.of(entity)),
        LatestViewSql.viewName(EntityTable.of(entity)));
  }
}
