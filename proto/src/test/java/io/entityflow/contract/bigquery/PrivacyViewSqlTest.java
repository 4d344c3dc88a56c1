package io.entityflow.contract.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.contract.registry.EntityRegistry;
import org.junit.jupiter.api.Test;

/**
 * The exact SQL of the privacy views and the sweep: a top-level PII entity (Customer) and PII
 * nested in a oneof member message (Sale's card payment).
 */
class PrivacyViewSqlTest {
  static final String KEK =
      "gcp-kms://projects/acme-keys/locations/eu/keyRings/entityflow/cryptoKeys/kek";
  private final EntityRegistry registry = EntityRegistry.load();

  private EntityTable table(String topic) {
    return EntityTable.of(registry.forTopic(topic).orElseThrow());
  }

  @Test
  void maskedCustomerReplacesEveryPiiColumnByTheSubjectsPseudonym() {
    assertThat(
            MaskedViewSql.bigQuery(
                table("customer_v1"), "customer_id", "acme-data", "retail", "entityflow"))
        .isEqualTo(MASKED_CUSTOMER);
  }

  @Test
  void decryptedCustomerDecryptsEveryPiiColumnWithTheSubjectsKeyset() {
    assertThat(
            DecryptingViewSql.bigQuery(
                table("customer_v1"), "customer_id", "acme-data", "retail", "entityflow", KEK))
        .isEqualTo(DECRYPTED_CUSTOMER);
  }

  @Test
  void maskedSaleRebuildsTheCardStructWithThePseudonymOfItsCustomer() {
    assertThat(
            MaskedViewSql.bigQuery(
                table("sale_v1"), "customer_id", "acme-data", "retail", "entityflow"))
        .isEqualTo(MASKED_SALE);
  }

  @Test
  void decryptedSaleRebuildsTheCardStructWithTheDecryptedCardholderName() {
    assertThat(
            DecryptingViewSql.bigQuery(
                table("sale_v1"), "customer_id", "acme-data", "retail", "entityflow", KEK))
        .isEqualTo(DECRYPTED_SALE);
  }

  @Test
  void sweepDeletesTheKeyRowsOfAForgottenSubjectUpToItsDeletedRowButNotALaterKey() {
    assertThat(SubjectKeySweepSql.bigQuery("acme-data", "entityflow")).isEqualTo(SWEEP);
    assertThat(SubjectKeySweepSql.forSubject("acme-data", "prod_entityflow"))
        .isEqualTo(
            "DELETE FROM `acme-data.prod_entityflow.subject_key_v1`\n"
                + "WHERE subject_id = @subject AND operation != 'DELETED'"
                + " AND occurred_at <= @forgotten_at");
  }

  @Test
  void viewNamesAndTheRestrictedDatasetFollowTheTable() {
    assertThat(MaskedViewSql.viewName(table("sale_v1"))).isEqualTo("sale_v1_masked");
    assertThat(DecryptingViewSql.viewName(table("sale_v1"))).isEqualTo("sale_v1_decrypted");
    assertThat(DecryptingViewSql.dataset(table("sale_v1"))).isEqualTo("retail_pii");
  }

  @Test
  void kmsKeyThatIsNotACloudKmsKeyPathIsRefusedWithTheValue() {
    assertThatThrownBy(
            () ->
                DecryptingViewSql.bigQuery(
                    table("customer_v1"), "customer_id", "p", "retail", "entityflow", "x'--"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "KMS key uri 'x'--' is not allowed; allowed:"
                + " gcp-kms://projects/<project>/locations/<location>/keyRings/<ring>"
                + "/cryptoKeys/<key> (BigQuery's KEYS.KEYSET_CHAIN takes it as a literal)");
  }

  @Test
  void tableWithoutPiiAndUnknownSubjectColumnAreRefused() {
    assertThatThrownBy(
            () ->
                MaskedViewSql.bigQuery(
                    table("installation_v1"), "installation_id", "p", "energy", "entityflow"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "table energy.installation_v1 has no PII column; allowed: tables of entities with at"
                + " least one PII field");
    assertThatThrownBy(
            () -> MaskedViewSql.bigQuery(table("sale_v1"), "buyer", "p", "retail", "entityflow"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "subject column 'buyer' is not a column of retail.sale_v1; allowed: one of its"
                + " top-level columns");
  }

  @Test
  void integerSubjectIdsJoinAsTheirDecimalString() {
    assertThat(MaskedViewSql.bigQuery(table("user_v1"), "user_id", "p", "energy", "entityflow"))
        .endsWith("ON entityflow_key.subject_id = CAST(entityflow_row.`user_id` AS STRING)");
  }

  private static final String MASKED_CUSTOMER =
      """
        SELECT entityflow_row.* REPLACE (
          IF(LENGTH(entityflow_row.`email`) > 0, entityflow_key.pseudonym, NULL) AS `email`,
          IF(LENGTH(entityflow_row.`full_name`) > 0, entityflow_key.pseudonym, NULL) AS `full_name`,
          IF(LENGTH(entityflow_row.`phone`) > 0, entityflow_key.pseudonym, NULL) AS `phone`
        )
        FROM `acme-data.retail.customer_v1` AS entityflow_row
        LEFT JOIN (
          SELECT subject_id, pseudonym
          FROM (
            SELECT subject_id, pseudonym, operation, ROW_NUMBER() OVER (
              PARTITION BY subject_id
              ORDER BY occurred_at DESC, publish_time DESC, ingestion_time DESC, event_id DESC
            ) AS entityflow_rank
            FROM `acme-data.entityflow.subject_key_v1`
          )
          WHERE entityflow_rank = 1 AND operation != 'DELETED'
        ) AS entityflow_key
        ON entityflow_key.subject_id = entityflow_row.`customer_id`\
        """;

  private static final String DECRYPTED_CUSTOMER =
      """
        SELECT entityflow_row.* REPLACE (
          IF(entityflow_key.wrapped_keyset IS NULL, NULL, SAFE.AEAD.DECRYPT_STRING(KEYS.KEYSET_CHAIN('gcp-kms://projects/acme-keys/locations/eu/keyRings/entityflow/cryptoKeys/kek', entityflow_key.wrapped_keyset), entityflow_row.`email`, entityflow_key.subject_id)) AS `email`,
          IF(entityflow_key.wrapped_keyset IS NULL, NULL, SAFE.AEAD.DECRYPT_STRING(KEYS.KEYSET_CHAIN('gcp-kms://projects/acme-keys/locations/eu/keyRings/entityflow/cryptoKeys/kek', entityflow_key.wrapped_keyset), entityflow_row.`full_name`, entityflow_key.subject_id)) AS `full_name`,
          IF(entityflow_key.wrapped_keyset IS NULL, NULL, SAFE.AEAD.DECRYPT_STRING(KEYS.KEYSET_CHAIN('gcp-kms://projects/acme-keys/locations/eu/keyRings/entityflow/cryptoKeys/kek', entityflow_key.wrapped_keyset), entityflow_row.`phone`, entityflow_key.subject_id)) AS `phone`
        )
        FROM `acme-data.retail.customer_v1` AS entityflow_row
        LEFT JOIN (
          SELECT subject_id, wrapped_keyset
          FROM (
            SELECT subject_id, wrapped_keyset, operation, ROW_NUMBER() OVER (
              PARTITION BY subject_id
              ORDER BY occurred_at DESC, publish_time DESC, ingestion_time DESC, event_id DESC
            ) AS entityflow_rank
            FROM `acme-data.entityflow.subject_key_v1`
          )
          WHERE entityflow_rank = 1 AND operation != 'DELETED'
        ) AS entityflow_key
        ON entityflow_key.subject_id = entityflow_row.`customer_id`\
        """;

  private static final String MASKED_SALE =
      """
        SELECT entityflow_row.* REPLACE (
          IF(entityflow_row.`card` IS NULL, NULL, STRUCT(entityflow_row.`card`.`scheme` AS `scheme`, entityflow_row.`card`.`last4` AS `last4`, IF(LENGTH(entityflow_row.`card`.`cardholder_name`) > 0, entityflow_key.pseudonym, NULL) AS `cardholder_name`)) AS `card`
        )
        FROM `acme-data.retail.sale_v1` AS entityflow_row
        LEFT JOIN (
          SELECT subject_id, pseudonym
          FROM (
            SELECT subject_id, pseudonym, operation, ROW_NUMBER() OVER (
              PARTITION BY subject_id
              ORDER BY occurred_at DESC, publish_time DESC, ingestion_time DESC, event_id DESC
            ) AS entityflow_rank
            FROM `acme-data.entityflow.subject_key_v1`
          )
          WHERE entityflow_rank = 1 AND operation != 'DELETED'
        ) AS entityflow_key
        ON entityflow_key.subject_id = entityflow_row.`customer_id`\
        """;

  private static final String DECRYPTED_SALE =
      """
        SELECT entityflow_row.* REPLACE (
          IF(entityflow_row.`card` IS NULL, NULL, STRUCT(entityflow_row.`card`.`scheme` AS `scheme`, entityflow_row.`card`.`last4` AS `last4`, IF(entityflow_key.wrapped_keyset IS NULL, NULL, SAFE.AEAD.DECRYPT_STRING(KEYS.KEYSET_CHAIN('gcp-kms://projects/acme-keys/locations/eu/keyRings/entityflow/cryptoKeys/kek', entityflow_key.wrapped_keyset), entityflow_row.`card`.`cardholder_name`, entityflow_key.subject_id)) AS `cardholder_name`)) AS `card`
        )
        FROM `acme-data.retail.sale_v1` AS entityflow_row
        LEFT JOIN (
          SELECT subject_id, wrapped_keyset
          FROM (
            SELECT subject_id, wrapped_keyset, operation, ROW_NUMBER() OVER (
              PARTITION BY subject_id
              ORDER BY occurred_at DESC, publish_time DESC, ingestion_time DESC, event_id DESC
            ) AS entityflow_rank
            FROM `acme-data.entityflow.subject_key_v1`
          )
          WHERE entityflow_rank = 1 AND operation != 'DELETED'
        ) AS entityflow_key
        ON entityflow_key.subject_id = entityflow_row.`customer_id`\
        """;

  private static final String SWEEP =
      """
        DELETE FROM `acme-data.entityflow.subject_key_v1`
        WHERE operation != 'DELETED'
          AND EXISTS (
            SELECT 1 FROM `acme-data.entityflow.subject_key_v1` AS entityflow_forget
            WHERE entityflow_forget.operation = 'DELETED'
              AND entityflow_forget.subject_id = subject_key_v1.subject_id
              AND entityflow_forget.occurred_at >= subject_key_v1.occurred_at)\
        """;
}
