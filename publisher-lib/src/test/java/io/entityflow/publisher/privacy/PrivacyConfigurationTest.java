package io.entityflow.publisher.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.retail.customer.v1.Customer;
import com.google.protobuf.StringValue;
import io.entityflow.contract.Operation;
import io.entityflow.privacy.forget.ForgetAuditLog;
import io.entityflow.privacy.forget.InMemoryForgetAuditLog;
import io.entityflow.privacy.forget.SubjectForgetter;
import io.entityflow.privacy.keys.CachingSubjectKeysets;
import io.entityflow.privacy.keys.InMemorySubjectKeyStore;
import io.entityflow.privacy.keys.KeyEncryptionKey;
import io.entityflow.privacy.keys.SubjectKeyStore;
import io.entityflow.privacy.keys.SubjectKeysets;
import io.entityflow.publisher.EventEncoder;
import io.entityflow.publisher.InvalidEventException;
import io.entityflow.publisher.PublishRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyConfigurationTest {
  private static final Customer ALICE =
      Customer.newBuilder()
          .setCustomerId("c-42")
          .setEmail("alice@example.com")
          .setPhone(StringValue.of("+31 6 1234 5678"))
          .build();

  @TempDir Path temp;

  /** A context without the test environment's privacy settings, with these properties. */
  private static ApplicationContext context(Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>(properties);
    all.put("micronaut.application.name", "crm");
    return ApplicationContext.builder().deduceEnvironment(false).properties(all).start();
  }

  @Test
  void defaultsApplyWhenNothingIsSet() {
    try (ApplicationContext context = context(Map.of())) {
      PrivacyConfiguration config = context.getBean(PrivacyConfiguration.class);
      assertThat(config.isEnabled()).isTrue();
      assertThat(config.getKekUri()).isNull();
      assertThat(config.getKeyStore()).isEqualTo(KeyStoreKind.JDBC);
      assertThat(config.getDatasource()).isEqualTo("default");
      assertThat(config.getCache().getMaxSubjects()).isEqualTo(10_000);
      assertThat(config.getCache().getExpireAfter()).isEqualTo(Duration.ofMinutes(10));
      assertThat(config.getCache().getForgetPollInterval()).isEqualTo(Duration.ofSeconds(5));
      assertThat(config.getRepublish().isEnabled()).isTrue();
      assertThat(config.getRepublish().getInterval()).isEqualTo(Duration.ofSeconds(30));
      assertThat(config.getRepublish().getMinAge()).isEqualTo(Duration.ofMinutes(2));
      assertThat(config.getRepublish().getBatchSize()).isEqualTo(500);
    }
  }

  @Test
  void republishTaskRunsEveryIntervalByDefault() {
    try (ApplicationContext context =
        context(
            Map.of(
                "entityflow.publisher.recording",
                true,
                "entityflow.privacy.kek-uri",
                "local-file://" + temp.resolve("kek.json"),
                "entityflow.privacy.key-store",
                "memory",
                "entityflow.privacy.republish.interval",
                "45s"))) {
      PrivacyTask task =
          context.getBean(PrivacyTask.class, Qualifiers.byName(PrivacyFactory.REPUBLISHING));
      assertThat(task.name()).isEqualTo("entityflow-subject-key-republisher");
      assertThat(task.interval()).isEqualTo(Duration.ofSeconds(45));
    }
  }

  @Test
  void republishBatchSizeOutOfRangeIsRefusedNamingTheKey() {
    Map<String, Object> properties =
        Map.of(
            "entityflow.publisher.recording",
            true,
            "entityflow.privacy.kek-uri",
            "local-file://" + temp.resolve("kek.json"),
            "entityflow.privacy.key-store",
            "memory",
            "entityflow.privacy.republish.batch-size",
            0);
    assertThatThrownBy(() -> context(properties).close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("entityflow.privacy.republish.batch-size 0 is not allowed: 1 to 10000");
  }

  @Test
  void nonPositiveForgetPollIntervalIsRefusedNamingTheKey() {
    Map<String, Object> properties =
        Map.of(
            "entityflow.privacy.kek-uri",
            "local-file://" + temp.resolve("kek.json"),
            "entityflow.privacy.cache.forget-poll-interval",
            "0s");
    assertThatThrownBy(() -> context(properties).close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "entityflow.privacy.cache.forget-poll-interval PT0S is not allowed: a positive"
                + " duration, e.g. 5s");
  }

  @Test
  void startUpWithoutKekUriFailsNamingTheKeyTheAllowedFormsAndTheEntities() {
    try (ApplicationContext context = context(Map.of())) {
      assertThatThrownBy(() -> context.getBean(EventEncoder.class))
          .rootCause()
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "entityflow.privacy.kek-uri is not set; the contract has entities with PII"
                  + " (CallRecord, Customer, LoyaltyMembership, Sale, User) whose fields are"
                  + " encrypted with subject keys wrapped by this key-encryption key: set it to"
                  + " gcp-kms://projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>"
                  + " (Cloud KMS) or local-file://<absolute path> (a local Tink keyset file, local"
                  + " mode and tests), or set entityflow.privacy.enabled=false to refuse their"
                  + " events");
    }
  }

  @Test
  void kekUriOfAnotherFormIsRefusedNamingTheKey() {
    try (ApplicationContext context =
        context(
            Map.of(
                "entityflow.privacy.kek-uri", "aws-kms://arn:aws:kms:eu-west-1:1:key/k",
                "entityflow.privacy.key-store", "memory"))) {
      assertThatThrownBy(() -> context.getBean(EventEncoder.class))
          .hasStackTraceContaining(
              "entityflow.privacy.kek-uri: key-encryption key uri"
                  + " 'aws-kms://arn:aws:kms:eu-west-1:1:key/k' is not allowed: expected"
                  + " gcp-kms://projects/.../cryptoKeys/... (Cloud KMS) or local-file://<absolute"
                  + " path> (local mode)");
    }
  }

  @Test
  void disabledPrivacyRefusesEventsOfEntitiesWithPiiNamingTheEntityItsFieldsAndTheKey() {
    try (ApplicationContext context = context(Map.of("entityflow.privacy.enabled", false))) {
      EventEncoder encoder = context.getBean(EventEncoder.class);
      assertThatThrownBy(() -> encoder.encode(PublishRequest.of(ALICE, Operation.CREATED)))
          .isInstanceOf(InvalidEventException.class)
          .hasMessage(
              "invalid Customer event: PII fields email, full_name, phone: are never published in"
                  + " clear and entityflow.privacy.enabled is false; set it to true (the default)"
                  + " with entityflow.privacy.kek-uri to publish them encrypted; nothing was"
                  + " published");
      assertThat(context.containsBean(SubjectKeysets.class)).isFalse();
    }
  }

  @Test
  void memoryKeyStoreWiresCachedKeysetsAndAForgetterThatEvictsThem() throws Exception {
    String kekUri = "local-file://" + temp.resolve("kek.json");
    try (ApplicationContext context =
        context(
            Map.of(
                "entityflow.privacy.kek-uri",
                kekUri,
                "entityflow.privacy.key-store",
                "memory",
                "entityflow.privacy.cache.max-subjects",
                7,
                "entityflow.privacy.cache.expire-after",
                "2m"))) {
      CachingSubjectKeysets keysets = context.getBean(CachingSubjectKeysets.class);
      assertThat(context.getBean(SubjectKeysets.class)).isSameAs(keysets);
      assertThat(keysets.maximumSize()).isEqualTo(7);
      assertThat(keysets.expireAfterWrite()).isEqualTo(Duration.ofMinutes(2));
      assertThat(context.getBean(KeyEncryptionKey.class).uri()).isEqualTo(kekUri);
      assertThat(context.getBean(SubjectKeyStore.class))
          .isInstanceOf(InMemorySubjectKeyStore.class);

      context.getBean(EventEncoder.class).encode(PublishRequest.of(ALICE, Operation.CREATED));
      assertThat(keysets.existingAeadFor("c-42")).isPresent();

      context.getBean(SubjectForgetter.class).forget("c-42", "dpo:ticket-1");
      assertThat(keysets.existingAeadFor("c-42")).isEmpty();
      assertThat(((InMemoryForgetAuditLog) context.getBean(ForgetAuditLog.class)).entries())
          .singleElement()
          .satisfies(
              receipt -> {
                assertThat(receipt.subjectId()).isEqualTo("c-42");
                assertThat(receipt.actor()).isEqualTo("dpo:ticket-1");
                assertThat(receipt.keyExisted()).isTrue();
              });
    }
  }

  @Test
  void jdbcKeyStoreWithoutThatDataSourceFailsNamingTheKeys() {
    try (ApplicationContext context =
        context(
            Map.of(
                "entityflow.privacy.kek-uri",
                "local-file://" + temp.resolve("kek.json"),
                "entityflow.privacy.datasource",
                "keys"))) {
      assertThatThrownBy(() -> context.getBean(SubjectKeyStore.class))
          .rootCause()
          .hasMessage(
              "entityflow.privacy.key-store is jdbc but no javax.sql.DataSource named 'keys'"
                  + " (entityflow.privacy.datasource) exists; add one (e.g. micronaut-jdbc-hikari"
                  + " with datasources.keys.*) or set entityflow.privacy.key-store=memory (tests"
                  + " only: keys die with the process)");
    }
  }
}
