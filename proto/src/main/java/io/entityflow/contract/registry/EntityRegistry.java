package io.entityflow.contract.registry;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import io.entityflow.contract.OrderingKey;
import io.entityflow.contract.bigquery.BigQuerySchemaMapper;
import io.entityflow.contract.options.EntityOptions;
import io.entityflow.contract.options.EntityflowOptionsProto;
import io.entityflow.contract.options.Sensitivity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Every entity of a contract, validated at load. The one place publisher, pipelines, Terraform
 * generation, alerting and schema checks learn which entities exist.
 *
 * <pre>{@code
 * EntityRegistry registry = EntityRegistry.load();           // every contract artifact, merged
 * for (EntityDefinition entity : registry.entities()) {
 *   System.out.println(entity.dataset() + "." + entity.tableName());
 * }
 * EntityDefinition sale = registry.require(Sale.getDescriptor());
 * }</pre>
 *
 * <p>Guarantees: entity names are unique per major version, topic (= table) names are unique, every
 * entity has a valid scalar id field and maps to a BigQuery schema, and an entity with PII fields
 * has a valid PII subject field ({@code pii-subject}). A contract breaking any of these is refused
 * with a {@link ContractException} listing every violation.
 *
 * <p>Contract artifacts: {@link #load()} reads every {@value #CONTRACT_RESOURCE} resource on the
 * classpath ({@code entityflow-proto}'s own and each company contract jar) and merges them with
 * {@link ContractArtifacts}: shared files are taken once, a file name with different content in two
 * artifacts is refused ({@code conflicting-file}), and the merged set follows the same rules as one
 * contract, so two artifacts declaring the same entity or topic are refused ({@code
 * duplicate-entity}, {@code duplicate-topic}).
 */
public final class EntityRegistry {
  /**
   * The classpath resource of a contract artifact: the binary descriptor set, with imports, of its
   * {@code .proto} files ({@code protoc --descriptor_set_out --include_imports}; the
   * protobuf-maven-plugin writes it with {@code writeDescriptorSet}, {@code
   * includeDependenciesInDescriptorSet} and {@code descriptorSetOutputDirectory} {@code
   * ${project.build.outputDirectory}/entityflow}).
   */
  public static final String CONTRACT_RESOURCE = "entityflow/contract.desc";

  private static volatile EntityRegistry contract;

  private final List<EntityDefinition> entities;
  private final Map<String, EntityDefinition> byFullName;
  private final Map<String, EntityDefinition> byTopic;

  private EntityRegistry(List<EntityDefinition> entities) {
    this.entities = List.copyOf(entities);
    this.byFullName = new LinkedHashMap<>();
    this.byTopic = new LinkedHashMap<>();
    for (EntityDefinition entity : entities) {
      byFullName.put(entity.fullName(), entity);
      byTopic.put(entity.topicName(), entity);
    }
  }

  /**
   * The registry of every contract artifact on the classpath of this class, merged (see {@link
   * #load(ClassLoader)}); loaded once, then cached.
   */
  public static EntityRegistry load() {
    EntityRegistry loaded = contract;
    if (loaded == null) {
      synchronized (EntityRegistry.class) {
        loaded = contract;
        if (loaded == null) {
          loaded = load(EntityRegistry.class.getClassLoader());
          contract = loaded;
        }
      }
    }
    return loaded;
  }

  /**
   * The registry of every {@value #CONTRACT_RESOURCE} resource {@code loader} sees, merged by
   * {@link ContractArtifacts#merge(ClassLoader)}; not cached.
   *
   * @throws IllegalStateException when there is no contract artifact, saying how to add one
   * @throws ContractException when the artifacts conflict or the merged contract breaks a rule
   */
  public static EntityRegistry load(ClassLoader loader) {
    return fromDescriptorSet(ContractArtifacts.merge(loader));
  }

  /** A registry of the entities in a binary descriptor set. */
  public static EntityRegistry fromDescriptorSet(byte[] descriptorSet) {
    try {
      return fromDescriptorSet(DescriptorSets.parse(descriptorSet));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not a binary FileDescriptorSet: " + e.getMessage(), e);
    }
  }

  /** A registry of the entities in a descriptor set. */
  public static EntityRegistry fromDescriptorSet(FileDescriptorSet descriptorSet) {
    return fromFiles(DescriptorSets.link(descriptorSet));
  }

  /** A registry of the entities declared in the given files (their imports are not scanned). */
  public static EntityRegistry fromFiles(Collection<FileDescriptor> files) {
    List<ContractViolation> violations = new ArrayList<>();
    List<EntityDefinition> entities = new ArrayList<>();
    List<FileDescriptor> sorted = new ArrayList<>(files);
    sorted.sort(java.util.Comparator.comparing(FileDescriptor::getName));
    for (FileDescriptor file : sorted) {
      for (Descriptor message : file.getMessageTypes()) {
        collect(message, true, entities, violations);
      }
    }
    checkUnique(entities, violations);
    if (!violations.isEmpty()) {
      throw new ContractException(violations);
    }
    return new EntityRegistry(entities);
  }

  /** Every entity, ordered by file name, then declaration order within the file. */
  public List<EntityDefinition> entities() {
    return entities;
  }

  /** The entity of a full message name, e.g. {@code acme.retail.sale.v1.Sale}. */
  public Optional<EntityDefinition> find(String fullName) {
    return Optional.ofNullable(byFullName.get(fullName));
  }

  /** The entity whose topic (and table) has this name, e.g. {@code sale_v1}. */
  public Optional<EntityDefinition> forTopic(String topicName) {
    return Optional.ofNullable(byTopic.get(topicName));
  }

  /**
   * The entity of a message type.
   *
   * @throws IllegalArgumentException naming the type and the known entities when it is none
   */
  public EntityDefinition require(Descriptor type) {
    EntityDefinition entity = byFullName.get(type.getFullName());
    if (entity == null) {
      throw new IllegalArgumentException(
          "message type '"
              + type.getFullName()
              + "' is not an entity of the contract; entities: "
              + String.join(", ", byFullName.keySet()));
    }
    return entity;
  }

  /** The entity of a message instance (see {@link #require(Descriptor)}). */
  public EntityDefinition require(MessageOrBuilder message) {
    return require(message.getDescriptorForType());
  }

  private static void collect(
      Descriptor message,
      boolean topLevel,
      List<EntityDefinition> entities,
      List<ContractViolation> violations) {
    if (message.getOptions().hasExtension(EntityflowOptionsProto.entity)) {
      if (topLevel) {
        define(message, entities, violations);
      } else {
        violations.add(
            violation(
                message,
                ContractRule.NESTED_ENTITY,
                "the (entityflow.entity) option is set on a nested message; allowed: top-level"
                    + " messages only"));
      }
    }
    for (Descriptor nested : message.getNestedTypes()) {
      if (!nested.getOptions().getMapEntry()) {
        collect(nested, false, entities, violations);
      }
    }
  }

  private static void define(
      Descriptor message, List<EntityDefinition> entities, List<ContractViolation> violations) {
    EntityOptions options = message.getOptions().getExtension(EntityflowOptionsProto.entity);
    int before = violations.size();
    requireOption(message, "name", options.getName(), violations);
    requireOption(message, "id_field", options.getIdField(), violations);
    requireOption(message, "domain", options.getDomain(), violations);
    requireOption(message, "owner", options.getOwner(), violations);
    if (!options.getName().isEmpty()
        && !EntityNames.ENTITY_NAME.matcher(options.getName()).matches()) {
      violations.add(
          violation(
              message,
              ContractRule.INVALID_ENTITY_NAME,
              "entity name '"
                  + options.getName()
                  + "' is invalid; allowed: UpperCamelCase letters and digits, starting with a"
                  + " capital letter, at most 63 characters (e.g. 'LoyaltyAccrual')"));
    }
    if (!options.getDomain().isEmpty()
        && !EntityNames.DOMAIN.matcher(options.getDomain()).matches()) {
      violations.add(
          violation(
              message,
              ContractRule.INVALID_DOMAIN,
              "domain '"
                  + options.getDomain()
                  + "' is invalid; allowed: lower_snake_case letters, digits and underscores,"
                  + " starting with a letter, at most 63 characters (it names the BigQuery"
                  + " dataset)"));
    }
    OptionalInt major = EntityNames.majorVersion(message.getFile().getPackage());
    if (major.isEmpty()) {
      violations.add(
          violation(
              message,
              ContractRule.INVALID_PACKAGE,
              "package '"
                  + message.getFile().getPackage()
                  + "' has no major version; allowed: a package ending in .v<N> with N from 1,"
                  + " e.g. 'acme.retail.sale.v1'"));
    }
    FieldDescriptor idField = idField(message, options.getIdField(), violations);
    Optional<FieldDescriptor> piiSubject =
        idField == null
            ? Optional.empty()
            : PiiSubjects.subjectField(message, options, idField, violations);
    violations.addAll(BigQuerySchemaMapper.validate(message));
    if (violations.size() > before) {
      return;
    }
    String description =
        options.getDescription().isEmpty()
            ? SourceLocation.of(message).map(SourceLocation::comment).orElse("")
            : options.getDescription();
    int buckets =
        options.getOrderingKeyBuckets() == 0
            ? OrderingKey.DEFAULT_BUCKETS
            : options.getOrderingKeyBuckets();
    Map<String, Sensitivity> sensitivities = new LinkedHashMap<>();
    collectSensitivities(message, "", sensitivities);
    entities.add(
        new EntityDefinition(
            message,
            options.getName(),
            options.getDomain(),
            options.getOwner(),
            description,
            major.getAsInt(),
            options.getRevision(),
            buckets,
            idField,
            piiSubject.orElse(null),
            sensitivities));
  }

  private static FieldDescriptor idField(
      Descriptor message, String name, List<ContractViolation> violations) {
    if (name.isEmpty()) {
      return null;
    }
    FieldDescriptor field = message.findFieldByName(name);
    if (field == null) {
      violations.add(
          violation(
              message,
              ContractRule.MISSING_ID_FIELD,
              "id_field '"
                  + name
                  + "' names no field of the message; allowed: one of its top-level fields ("
                  + message.getFields().stream()
                      .map(FieldDescriptor::getName)
                      .collect(Collectors.joining(", "))
                  + ")"));
      return null;
    }
    boolean scalar = PiiSubjects.integerOrString(field);
    if (!scalar || field.isRepeated() || field.getRealContainingOneof() != null) {
      String shape =
          field.isMapField()
              ? "map"
              : field.isRepeated()
                  ? "repeated " + typeName(field)
                  : field.getRealContainingOneof() != null
                      ? typeName(field)
                          + " in oneof '"
                          + field.getRealContainingOneof().getName()
                          + "'"
                      : typeName(field);
      violations.add(
          violation(
              message,
              ContractRule.INVALID_ID_FIELD,
              "id field '"
                  + name
                  + "' is "
                  + shape
                  + "; allowed: a singular string or integer field (string, int32, int64, uint32,"
                  + " uint64, sint32, sint64, fixed32, fixed64, sfixed32, sfixed64) outside any"
                  + " oneof"));
      return null;
    }
    return field;
  }

  static String typeName(FieldDescriptor field) {
    return switch (field.getJavaType()) {
      case MESSAGE -> "message " + field.getMessageType().getFullName();
      case ENUM -> "enum " + field.getEnumType().getFullName();
      default -> field.getType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static void requireOption(
      Descriptor message, String option, String value, List<ContractViolation> violations) {
    if (value.isEmpty()) {
      violations.add(
          violation(
              message,
              ContractRule.MISSING_OPTION,
              "(entityflow.entity)."
                  + option
                  + " is not set; allowed: a non-empty value (required: name, id_field, domain,"
                  + " owner)"));
    }
  }

  private static void collectSensitivities(
      Descriptor message, String prefix, Map<String, Sensitivity> out) {
    for (FieldDescriptor field : message.getFields()) {
      String path = prefix + field.getName();
      out.put(path, FieldSensitivity.of(field));
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          && !field.isMapField()
          && !field.getMessageType().getFile().getPackage().equals("google.protobuf")) {
        collectSensitivities(field.getMessageType(), path + ".", out);
      }
    }
  }

  private static void checkUnique(
      List<EntityDefinition> entities, List<ContractViolation> violations) {
    Map<String, EntityDefinition> byNameAndMajor = new LinkedHashMap<>();
    Map<String, EntityDefinition> byTopic = new LinkedHashMap<>();
    List<EntityDefinition> duplicates = new ArrayList<>();
    for (EntityDefinition entity : entities) {
      EntityDefinition sameName =
          byNameAndMajor.putIfAbsent(entity.name() + "@" + entity.majorVersion(), entity);
      if (sameName != null) {
        violations.add(
            violation(
                entity.descriptor(),
                ContractRule.DUPLICATE_ENTITY,
                "entity name '"
                    + entity.name()
                    + "' v"
                    + entity.majorVersion()
                    + " is already declared by "
                    + sameName.fullName()
                    + " ("
                    + sameName.file()
                    + "); allowed: one message per entity name and major version"));
        duplicates.add(entity);
        continue;
      }
      EntityDefinition sameTopic = byTopic.putIfAbsent(entity.topicName(), entity);
      if (sameTopic != null) {
        violations.add(
            violation(
                entity.descriptor(),
                ContractRule.DUPLICATE_TOPIC,
                "topic and table name '"
                    + entity.topicName()
                    + "' of entity '"
                    + entity.name()
                    + "' is already used by entity '"
                    + sameTopic.name()
                    + "' ("
                    + sameTopic.fullName()
                    + "); allowed: entity names whose snake_case forms differ"));
        duplicates.add(entity);
      }
    }
    entities.removeAll(duplicates);
  }

  static ContractViolation violation(Descriptor message, ContractRule rule, String detail) {
    return new ContractViolation(message.getFile().getName(), message.getFullName(), rule, detail);
  }
}
