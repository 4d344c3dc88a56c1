package io.entityflow.publisher.privacy;

import io.entityflow.privacy.forget.ForgetAuditLog;
import io.entityflow.privacy.forget.ForgottenSubjectsPoller;
import io.entityflow.privacy.forget.InMemoryForgetAuditLog;
import io.entityflow.privacy.forget.JdbcForgetAuditLog;
import io.entityflow.privacy.forget.SubjectForgetter;
import io.entityflow.privacy.keys.CachingSubjectKeysets;
import io.entityflow.privacy.keys.InMemorySubjectKeyStore;
import io.entityflow.privacy.keys.JdbcSubjectKeyStore;
import io.entityflow.privacy.keys.KeyEncryptionKey;
import io.entityflow.privacy.keys.KeyEncryptionKeys;
import io.entityflow.privacy.keys.PrivacySchema;
import io.entityflow.privacy.keys.StoredSubjectKey;
import io.entityflow.privacy.keys.SubjectKeyListener;
import io.entityflow.privacy.keys.SubjectKeyStore;
import io.entityflow.privacy.keys.SubjectKeysets;
import io.entityflow.publisher.EntityPublisher;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.DisabledBeanException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.reflect.ClassUtils;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * The subject-key beans of {@code entityflow.privacy.*}, made when privacy is enabled and a {@code
 * kek-uri} is set: the {@link KeyEncryptionKey}, the {@link SubjectKeyStore} ({@code key-store}:
 * jdbc on the DataSource named {@code datasource}, with the privacy tables migrated, or memory for
 * tests), the {@link CachingSubjectKeysets} (also the {@link SubjectKeysets} bean; every {@link
 * SubjectKeyListener} bean is told of the keys it creates), the {@link ForgetAuditLog} (same store
 * kind) and the {@link SubjectForgetter} (evicts the cache, tells every listener); the {@link
 * SubjectKeyRepublisher} (when the publisher is enabled) and its {@link PrivacyTask} every {@code
 * republish.interval} (when {@code republish.enabled}); for the jdbc store, the {@link
 * ForgottenSubjectsPoller} of this instance's cache and its {@link PrivacyTask} every {@code
 * cache.forget-poll-interval}. The tasks start with the context and resolve what they run on their
 * first run, so a missing DataSource still fails only where the keys are used. Each bean can be
 * replaced with {@code @Replaces}.
 *
 * <pre>{@code
 * context.getBean(SubjectForgetter.class).forget("customer-42", "dpo:ticket-1234");
 * context.getBean(SubjectKeyRepublisher.class).republishAll(); // resync the warehouse's keys
 * }</pre>
 */
@Factory
@Requires(property = PrivacyConfiguration.PREFIX + ".enabled", notEquals = "false")
@Requires(property = PrivacyConfiguration.PREFIX + ".kek-uri")
public class PrivacyFactory {

  /**
   * The key-encryption key of {@code kek-uri}.
   *
   * @throws IllegalStateException naming the key, its value and the allowed forms when the uri is
   *     neither a Cloud KMS key nor a local key file
   * @throws GeneralSecurityException when the key cannot be opened
   */
  @Singleton
  public KeyEncryptionKey keyEncryptionKey(PrivacyConfiguration config)
      throws GeneralSecurityException {
    try {
      return KeyEncryptionKeys.fromUri(config.getKekUri());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          PrivacyConfiguration.PREFIX + ".kek-uri: " + e.getMessage(), e);
    }
  }

  /**
   * The store of {@code key-store}.
   *
   * @throws IllegalStateException for jdbc without a DataSource of that name, saying what to do
   */
  @Singleton
  public SubjectKeyStore subjectKeyStore(PrivacyConfiguration config, BeanLocator beans) {
    if (config.getKeyStore() == KeyStoreKind.MEMORY) {
      return new InMemorySubjectKeyStore();
    }
    DataSource dataSource = dataSource(config, beans);
    PrivacySchema.migrate(dataSource);
    return new JdbcSubjectKeyStore(dataSource);
  }

  /** The audit log of forgets, in the same kind of store as the keys. */
  @Singleton
  public ForgetAuditLog forgetAuditLog(
      PrivacyConfiguration config, BeanLocator beans, SubjectKeyStore migratedFirst) {
    return config.getKeyStore() == KeyStoreKind.MEMORY
        ? new InMemoryForgetAuditLog()
        : new JdbcForgetAuditLog(dataSource(config, beans));
  }

  /** The cached subject keysets every encryption and decryption of the service uses. */
  @Singleton
  @Bean(typed = {SubjectKeysets.class, CachingSubjectKeysets.class})
  public CachingSubjectKeysets subjectKeysets(
      PrivacyConfiguration config,
      SubjectKeyStore store,
      KeyEncryptionKey kek,
      List<SubjectKeyListener> listeners)
      throws GeneralSecurityException {
    return CachingSubjectKeysets.builder(store, kek)
        .maximumSize(config.getCache().getMaxSubjects())
        .expireAfterWrite(config.getCache().getExpireAfter())
        .listener(all(listeners))
        .build();
  }

  /** The forget API: deletes a subject's key, evicts it from the cache, audits, tells listeners. */
  @Singleton
  public SubjectForgetter subjectForgetter(
      SubjectKeyStore store,
      ForgetAuditLog auditLog,
      CachingSubjectKeysets keysets,
      List<SubjectKeyListener> listeners) {
    SubjectForgetter forgetter =
        new SubjectForgetter(store, auditLog, Clock.systemUTC()).register(keysets);
    listeners.forEach(forgetter::addListener);
    return forgetter;
  }

  /** Publishes again the SubjectKey events never acknowledged; also the resync API. */
  @Singleton
  @Requires(property = PUBLISHER_ENABLED, notEquals = "false")
  public SubjectKeyRepublisher subjectKeyRepublisher(
      PrivacyConfiguration config,
      BeanProvider<EntityPublisher> publisher,
      SubjectKeyStore store,
      ForgetAuditLog auditLog,
      @Nullable MeterRegistry meterRegistry) {
    PrivacyConfiguration.Republish republish = config.getRepublish();
    republish.check();
    return new SubjectKeyRepublisher(
        publisher::get,
        store,
        auditLog,
        republish.getMinAge(),
        republish.getBatchSize(),
        Clock.systemUTC(),
        meterRegistry);
  }

  /** Runs {@link SubjectKeyRepublisher#republishUnpublished} every {@code republish.interval}. */
  @Context
  @Named(REPUBLISHING)
  @Bean(preDestroy = "close")
  @Requires(property = PrivacyConfiguration.PREFIX + ".republish.enabled", notEquals = "false")
  @Requires(property = PUBLISHER_ENABLED, notEquals = "false")
  public PrivacyTask subjectKeyRepublishing(
      PrivacyConfiguration config, BeanProvider<SubjectKeyRepublisher> republisher) {
    config.getRepublish().check();
    Duration interval = config.getRepublish().getInterval();
    return PrivacyTask.start(
        "entityflow-subject-key-republisher",
        interval,
        interval,
        () -> republisher.get().republishUnpublished());
  }

  /**
   * Evicts from this instance's cache the subjects other instances forget (jdbc store only: the
   * memory store has no other instances).
   */
  @Singleton
  public ForgottenSubjectsPoller forgottenSubjectsPoller(
      PrivacyConfiguration config,
      ForgetAuditLog auditLog,
      CachingSubjectKeysets keysets,
      @Nullable MeterRegistry meterRegistry) {
    requireJdbc(config);
    ForgottenSubjectsPoller poller = new ForgottenSubjectsPoller(auditLog, keysets);
    if (meterRegistry != null) {
      FunctionCounter.builder(
              "entityflow.privacy.forgotten_subjects.evicted",
              poller,
              ForgottenSubjectsPoller::evictions)
          .description("subjects forgotten by any instance that the poller evicted from the cache")
          .register(meterRegistry);
    }
    return poller;
  }

  /** Runs {@link ForgottenSubjectsPoller#poll} every {@code cache.forget-poll-interval}. */
  @Context
  @Named(FORGET_POLLING)
  @Bean(preDestroy = "close")
  public PrivacyTask forgottenSubjectsPolling(
      PrivacyConfiguration config, BeanProvider<ForgottenSubjectsPoller> poller) {
    requireJdbc(config);
    Duration interval =
        PrivacyConfiguration.positive(
            "cache.forget-poll-interval", config.getCache().getForgetPollInterval());
    return PrivacyTask.start(
        "entityflow-forgotten-subjects-poller", Duration.ZERO, interval, () -> poller.get().poll());
  }

  /** The name of the republishing task bean. */
  public static final String REPUBLISHING = "subject-key-republishing";

  /** The name of the forget polling task bean. */
  public static final String FORGET_POLLING = "forgotten-subjects-polling";

  private static final String PUBLISHER_ENABLED = "entityflow.publisher.enabled";

  private static void requireJdbc(PrivacyConfiguration config) {
    if (config.getKeyStore() != KeyStoreKind.JDBC) {
      throw new DisabledBeanException(
          "the forgets of other instances are polled only with the jdbc key store");
    }
  }

  private static SubjectKeyListener all(List<SubjectKeyListener> listeners) {
    List<SubjectKeyListener> copy = List.copyOf(listeners);
    return new SubjectKeyListener() {
      @Override
      public void created(StoredSubjectKey key) {
        copy.forEach(listener -> listener.created(key));
      }

      @Override
      public void forgotten(String subjectId, Instant forgottenAt) {
        copy.forEach(listener -> listener.forgotten(subjectId, forgottenAt));
      }
    };
  }

  private static DataSource dataSource(PrivacyConfiguration config, BeanLocator beans) {
    String name = config.getDatasource();
    return beans
        .findBean(DataSource.class, Qualifiers.byName(name))
        .map(PrivacyFactory::withoutTransactionProxy)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    PrivacyConfiguration.PREFIX
                        + ".key-store is jdbc but no javax.sql.DataSource named '"
                        + name
                        + "' ("
                        + PrivacyConfiguration.PREFIX
                        + ".datasource) exists; add one (e.g. micronaut-jdbc-hikari with"
                        + " datasources."
                        + name
                        + ".*) or set "
                        + PrivacyConfiguration.PREFIX
                        + ".key-store=memory (tests only: keys die with the process)"));
  }

  /**
   * The data source itself: micronaut-data wraps data sources in a proxy that only hands out the
   * connection of a current transaction, while the key store opens and commits its own.
   */
  private static DataSource withoutTransactionProxy(DataSource dataSource) {
    return ClassUtils.isPresent(DATA_SOURCE_PROXY, PrivacyFactory.class.getClassLoader())
        ? MicronautDataSources.unwrap(dataSource)
        : dataSource;
  }

  private static final String DATA_SOURCE_PROXY =
      "io.micronaut.data.connection.jdbc.advice.DelegatingDataSource";

  /** Loaded only when micronaut-data is on the classpath. */
  private static final class MicronautDataSources {
    static DataSource unwrap(DataSource dataSource) {
      return io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(
          dataSource);
    }
  }
}
