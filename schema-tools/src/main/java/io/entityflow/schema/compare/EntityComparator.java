package io.entityflow.schema.compare;

import com.google.protobuf.Descriptors.Descriptor;
import io.entityflow.contract.options.EntityflowOptionsProto;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.SourceLocation;
import io.entityflow.contract.source.ContractSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares the entities of two contracts: deleted entities, new entities and new major versions,
 * and, per entity, the name (topic and table), domain (dataset), id field and the remaining
 * options.
 *
 * <pre>{@code
 * EntityComparator.compare(base, current, findings);
 * }</pre>
 */
final class EntityComparator {
  private EntityComparator() {}

  static void compare(ContractSnapshot base, ContractSnapshot current, Findings out) {
    for (EntityDefinition before : base.registry().entities()) {
      Optional<EntityDefinition> after = current.registry().find(before.fullName());
      if (after.isPresent()) {
        compare(before, after.get(), out);
      } else {
        deleted(before, current, out);
      }
    }
    for (EntityDefinition after : current.registry().entities()) {
      if (base.registry().find(after.fullName()).isEmpty()) {
        added(after, base, current, out);
      }
    }
  }

  private static void deleted(EntityDefinition before, ContractSnapshot current, Findings out) {
    Descriptor still = current.messages().get(before.fullName());
    String where =
        before.fullName()
            + " (topic "
            + before.topicName()
            + ", table "
            + before.dataset()
            + "."
            + before.tableName()
            + ")";
    String fix =
        "keep "
            + before.fullName()
            + " and its (entityflow.entity) option untouched:"
            + " producers and consumers use it. A replacement goes into "
            + Findings.nextMajor(before.descriptor().getFile().getPackage())
            + " beside it; retire the old version only after every consumer moved";
    if (still != null) {
      out.add(
          Rule.ENTITY_DELETED,
          still,
          before.fullName(),
          "entity "
              + before.name()
              + " v"
              + before.majorVersion()
              + " "
              + where
              + " is no longer an entity: its (entityflow.entity) option was removed.",
          fix);
    } else {
      SourceLocation at = SourceLocation.orFile(before.descriptor());
      out.list()
          .add(
              new Finding(
                  Rule.ENTITY_DELETED,
                  at.file(),
                  at.line(),
                  before.fullName(),
                  "entity "
                      + before.name()
                      + " v"
                      + before.majorVersion()
                      + " "
                      + where
                      + " was deleted.",
                  fix));
    }
  }

  private static void added(
      EntityDefinition after, ContractSnapshot base, ContractSnapshot current, Findings out) {
    String where =
        after.fullName()
            + " (topic "
            + after.topicName()
            + ", table "
            + after.dataset()
            + "."
            + after.tableName()
            + ")";
    List<String> older = new ArrayList<>();
    for (EntityDefinition other : current.registry().entities()) {
      if (other.name().equals(after.name()) && other.majorVersion() < after.majorVersion()) {
        older.add(other.topicName());
      }
    }
    if (!older.isEmpty()) {
      out.add(
          Rule.NEW_MAJOR_VERSION,
          after.descriptor(),
          after.fullName(),
          "new major version "
              + after.name()
              + " v"
              + after.majorVersion()
              + " "
              + where
              + " beside "
              + String.join(", ", older)
              + ", which stays untouched.",
          "");
    } else {
      out.add(
          Rule.ENTITY_ADDED,
          after.descriptor(),
          after.fullName(),
          "new entity " + after.name() + " v" + after.majorVersion() + " " + where + ".",
          "");
    }
  }

  private static void compare(EntityDefinition before, EntityDefinition after, Findings out) {
    Descriptor at = after.descriptor();
    String scope = after.fullName();
    if (!before.name().equals(after.name())) {
      out.add(
          Rule.ENTITY_RENAMED,
          at,
          scope,
          "entity "
              + scope
              + " was renamed from "
              + before.name()
              + " to "
              + after.name()
              + ": topic and table change from "
              + before.topicName()
              + " to "
              + after.topicName()
              + ", so producers, subscriptions and queries lose them.",
          "keep name: \"" + before.name() + "\", " + Findings.orNewMajor(at));
    }
    if (!before.domain().equals(after.domain())) {
      out.add(
          Rule.ENTITY_DOMAIN_CHANGED,
          at,
          scope,
          "entity "
              + after.name()
              + " moved from domain "
              + before.domain()
              + " to "
              + after.domain()
              + ": its table moves from dataset "
              + before.dataset()
              + " to "
              + after.dataset()
              + ".",
          "keep domain: \"" + before.domain() + "\", " + Findings.orNewMajor(at));
    }
    if (!before.idField().getName().equals(after.idField().getName())
        || before.idField().getNumber() != after.idField().getNumber()) {
      out.add(
          Rule.ID_FIELD_CHANGED,
          at,
          scope,
          "the id field of entity "
              + after.name()
              + " changed from '"
              + before.idField().getName()
              + "' ("
              + before.idField().getNumber()
              + ") to '"
              + after.idField().getName()
              + "' ("
              + after.idField().getNumber()
              + "): ordering keys, deduplication and table clustering change.",
          "keep id_field: \"" + before.idField().getName() + "\", " + Findings.orNewMajor(at));
    }
    List<String> changed = new ArrayList<>();
    option(changed, "owner", before.owner(), after.owner());
    option(changed, "description", declaredDescription(before), declaredDescription(after));
    option(changed, "revision", before.revision(), after.revision());
    option(
        changed, "ordering_key_buckets", before.orderingKeyBuckets(), after.orderingKeyBuckets());
    if (!changed.isEmpty()) {
      out.add(
          Rule.OPTION_CHANGED,
          at,
          scope,
          "entity options of " + after.name() + " changed: " + String.join(", ", changed) + ".",
          "");
    }
  }

  /** The description option itself (the message comment it falls back to is compared apart). */
  private static String declaredDescription(EntityDefinition entity) {
    return entity
        .descriptor()
        .getOptions()
        .getExtension(EntityflowOptionsProto.entity)
        .getDescription();
  }

  private static void option(List<String> changed, String name, Object before, Object after) {
    if (!before.equals(after)) {
      changed.add(name + " '" + before + "' -> '" + after + "'");
    }
  }
}
