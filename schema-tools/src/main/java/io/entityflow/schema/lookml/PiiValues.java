package io.entityflow.schema.lookml;

import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.TableColumn;

/**
 * What the relation a LookML view reads holds in the columns that hold ciphertext in the entity's
 * table: nothing (an entity without PII reads its own table), the data subject's pseudonym (the
 * {@code <table>_masked} view of {@code MaskedViewSql}) or the decrypted value (the {@code
 * <dataset>_pii.<table>_decrypted} view of {@code DecryptingViewSql}).
 *
 * <pre>{@code
 * PiiValues.masked("customer_id").type(emailColumn);   // STRING (the pseudonym)
 * PiiValues.decrypted().type(signedUpAtColumn);        // TIMESTAMP (its plaintext type)
 * }</pre>
 *
 * <p>Guarantees: a column that holds no ciphertext keeps its type and description whatever the
 * kind; {@link #type} of a ciphertext column for {@link Kind#NONE} is refused.
 *
 * @param kind what the ciphertext columns hold
 * @param subject the subject column named in the pseudonyms' description, empty unless masked
 */
record PiiValues(Kind kind, String subject) {
  /** What the ciphertext columns of the table hold in the relation. */
  enum Kind {
    /** The entity has no PII: no column holds ciphertext. */
    NONE,
    /** The masked view: the subject's pseudonym (STRING) or NULL. */
    MASKED,
    /** The decrypting view: the value decrypted to its plaintext type, or NULL. */
    DECRYPTED
  }

  /** An entity without PII, read from its own table or latest view. */
  static PiiValues none() {
    return new PiiValues(Kind.NONE, "");
  }

  /** The masked view of an entity whose subject column is {@code subject}. */
  static PiiValues masked(String subject) {
    return new PiiValues(Kind.MASKED, subject);
  }

  /** The decrypting view. */
  static PiiValues decrypted() {
    return new PiiValues(Kind.DECRYPTED, "");
  }

  /**
   * The BigQuery type of the column in the relation.
   *
   * @throws IllegalStateException for a ciphertext column of {@link Kind#NONE}
   */
  BigQueryType type(TableColumn column) {
    if (!column.encrypted()) {
      return column.type();
    }
    return switch (kind) {
      case MASKED -> BigQueryType.STRING;
      case DECRYPTED -> column.plaintextType();
      case NONE ->
          throw new IllegalStateException(
              "column '"
                  + column.name()
                  + "' holds ciphertext; allowed: its masked or decrypting view, never the table");
    };
  }

  /** The description of the column in the relation: a pseudonym says so. */
  String description(TableColumn column) {
    if (!column.encrypted() || kind != Kind.MASKED) {
      return column.description();
    }
    String masked =
        "Masked: the pseudonym of the row's data subject ("
            + subject
            + ") when a value is set, the same in every PII field of the row and for the same"
            + " subject in every entity (count distinct or join on it); NULL when no value is set"
            + " or the subject is forgotten.";
    return column.description().isEmpty() ? masked : column.description() + " " + masked;
  }

  /** Whether the column's enum values are its suggestions (not for a pseudonym). */
  boolean suggestsValues(TableColumn column) {
    return !column.encrypted() || kind == Kind.DECRYPTED;
  }
}
