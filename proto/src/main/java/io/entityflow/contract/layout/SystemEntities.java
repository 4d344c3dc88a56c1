package io.entityflow.contract.layout;

import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.keys.v1.SubjectKeyProto;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.util.List;

/**
 * Entityflow's own entities, declared in this module's {@code .proto} files rather than in a
 * contract artifact, that the layout adds to a contract's entities when the contract needs them.
 *
 * <pre>{@code
 * EntityDefinition keys = SystemEntities.subjectKey();
 * keys.topicName();          // "subject_key_v1"
 * keys.dataset();            // "entityflow"
 * SystemEntities.hasPii(sale); // true: card.cardholder_name is PII
 * }</pre>
 *
 * <p>Guarantees: the definitions pass the registry's rules (they are built by {@link
 * EntityRegistry}); the same instance is returned on every call.
 */
public final class SystemEntities {
  /** Full name of the subject-key entity. */
  public static final String SUBJECT_KEY = "entityflow.keys.v1.SubjectKey";

  private static final EntityDefinition SUBJECT_KEY_ENTITY =
      EntityRegistry.fromFiles(List.of(SubjectKeyProto.getDescriptor()))
          .find(SUBJECT_KEY)
          .orElseThrow();

  private SystemEntities() {}

  /**
   * {@code entityflow.keys.v1.SubjectKey}: one row per subject keyset made (CREATED) or forgotten
   * (DELETED), table {@code entityflow.subject_key_v1}.
   */
  public static EntityDefinition subjectKey() {
    return SUBJECT_KEY_ENTITY;
  }

  /** Whether the entity has a PII field at any depth (its table holds ciphertext columns). */
  public static boolean hasPii(EntityDefinition entity) {
    return EntityTable.of(entity).columns().stream().anyMatch(TableColumn::holdsCiphertext);
  }

  /** The system entities a contract of these entities needs: SubjectKey when one has PII. */
  public static List<EntityDefinition> neededBy(List<EntityDefinition> entities) {
    boolean pii = entities.stream().anyMatch(e -> !e.fullName().equals(SUBJECT_KEY) && hasPii(e));
    return pii ? List.of(SUBJECT_KEY_ENTITY) : List.of();
  }
}
