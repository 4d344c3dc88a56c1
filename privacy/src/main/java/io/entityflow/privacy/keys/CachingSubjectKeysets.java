package io.entityflow.privacy.keys;

import com.google.common.base.Ticker;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheStats;
import com.google.common.util.concurrent.UncheckedExecutionException;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link SubjectKeysets} of a service: subject keysets kept wrapped in a {@link
 * SubjectKeyStore}, unwrapped with a {@link KeyEncryptionKey}, and their AEAD primitives cached in
 * a bounded cache so that a Cloud KMS call is made only on a miss.
 *
 * <pre>{@code
 * CachingSubjectKeysets keysets = CachingSubjectKeysets.builder(store, kek)
 *     .maximumSize(10_000)                       // default
 *     .expireAfterWrite(Duration.ofMinutes(10))  // default
 *     .listener(key -> publishSubjectKey(key))
 *     .build();
 * Aead aead = keysets.aeadFor("customer-42");
 * keysets.hitRate();
 * }</pre>
 *
 * <p>A new subject keyset is one AES256_GCM key (Tink output prefix), stored with a random
 * {@linkplain Pseudonyms pseudonym}, {@code created_at} from the clock (to the microsecond) and the
 * KEK's uri; the {@linkplain SubjectKeyListener listener} is told once. Guarantees: thread-safe;
 * concurrent first uses of a subject, in this instance or in others sharing the store, end with one
 * keyset that all of them use; a forgotten subject's primitive is dropped from this cache when the
 * forgetter evicts it. A forget made by another instance (another forgetter) reaches this cache
 * through a {@link io.entityflow.privacy.forget.ForgottenSubjectsPoller} reading the shared forget
 * audit log: then the forgotten key is used here for at most the poller's interval. Without a
 * poller, {@code expireAfterWrite} is the only bound.
 */
public final class CachingSubjectKeysets implements SubjectKeysets, SubjectKeyCache {
  /** Default bound of the cache, in subjects. */
  public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

  /** Default time a cached primitive is used before the store is read again. */
  public static final Duration DEFAULT_EXPIRE_AFTER_WRITE = Duration.ofMinutes(10);

  private final SubjectKeyStore store;
  private final KeyEncryptionKey kek;
  private final SubjectKeyListener listener;
  private final Clock clock;
  private final SecureRandom random;
  private final long maximumSize;
  private final Duration expireAfterWrite;
  private final Cache<String, Aead> cache;
  // bumped by every eviction: a load that overlapped one does not stay cached
  private final AtomicLong evictions = new AtomicLong();

  private CachingSubjectKeysets(Builder builder) {
    this.store = builder.store;
    this.kek = builder.kek;
    this.listener = builder.listener;
    this.clock = builder.clock;
    this.random = builder.random;
    this.maximumSize = builder.maximumSize;
    this.expireAfterWrite = builder.expireAfterWrite;
    this.cache =
        CacheBuilder.newBuilder()
            .maximumSize(builder.maximumSize)
            .expireAfterWrite(builder.expireAfterWrite)
            .ticker(builder.ticker)
            .recordStats()
            .build();
  }

  /** A builder of keysets kept in {@code store}, wrapped by {@code kek}. */
  public static Builder builder(SubjectKeyStore store, KeyEncryptionKey kek) {
    return new Builder(store, kek);
  }

  @Override
  public Aead aeadFor(String subjectId) throws GeneralSecurityException {
    SubjectIds.check(subjectId);
    long epoch = evictions.get();
    Aead aead;
    try {
      aead = cache.get(subjectId, () -> loadOrCreate(subjectId));
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    } catch (UncheckedExecutionException e) {
      throw rethrown(e.getCause());
    }
    dropIfEvictedMeanwhile(subjectId, epoch);
    return aead;
  }

  @Override
  public Optional<Aead> existingAeadFor(String subjectId) throws GeneralSecurityException {
    SubjectIds.check(subjectId);
    Aead cached = cache.getIfPresent(subjectId);
    if (cached != null) {
      return Optional.of(cached);
    }
    long epoch = evictions.get();
    Optional<StoredSubjectKey> stored = store.find(subjectId);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    Aead aead = primitive(kek.unwrap(stored.get().wrappedKeyset()));
    cache.put(subjectId, aead);
    dropIfEvictedMeanwhile(subjectId, epoch);
    return Optional.of(aead);
  }

  @Override
  public void evict(String subjectId) {
    evictions.incrementAndGet();
    cache.invalidate(subjectId);
  }

  /**
   * Drops every cached primitive: later uses read the store again (e.g. when a poller of forgets
   * starts after this cache was already used).
   */
  public void evictAll() {
    evictions.incrementAndGet();
    cache.invalidateAll();
  }

  /** Share of cache lookups that found the primitive (1.0 before any lookup). */
  public double hitRate() {
    return cache.stats().hitRate();
  }

  /** The cache's counters: hits, misses, loads, evictions. */
  public CacheStats stats() {
    return cache.stats();
  }

  /** How many subjects' primitives are cached now (approximately, under concurrent use). */
  public long cachedSubjects() {
    return cache.size();
  }

  /** The cache bound, in subjects. */
  public long maximumSize() {
    return maximumSize;
  }

  /** How long a cached primitive is used before the store is read again. */
  public Duration expireAfterWrite() {
    return expireAfterWrite;
  }

  /** The key-encryption key wrapping new keysets. */
  public KeyEncryptionKey kek() {
    return kek;
  }

  private Aead loadOrCreate(String subjectId) throws GeneralSecurityException {
    Optional<StoredSubjectKey> stored = store.find(subjectId);
    if (stored.isPresent()) {
      return primitive(kek.unwrap(stored.get().wrappedKeyset()));
    }
    KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    StoredSubjectKey candidate =
        new StoredSubjectKey(
            subjectId,
            kek.wrap(keyset),
            kek.uri(),
            Pseudonyms.next(random),
            clock.instant().truncatedTo(ChronoUnit.MICROS));
    SubjectKeyStore.Creation creation = store.createIfAbsent(candidate);
    if (!creation.created()) {
      // another creator won the race: use the keyset that was stored
      return primitive(kek.unwrap(creation.key().wrappedKeyset()));
    }
    listener.created(creation.key());
    return primitive(keyset);
  }

  private void dropIfEvictedMeanwhile(String subjectId, long epoch) {
    if (evictions.get() != epoch) {
      cache.invalidate(subjectId);
    }
  }

  // Tink's primitive; encryptions with an AES-GCM primary key reuse one cipher per subject
  private static Aead primitive(KeysetHandle keyset) throws GeneralSecurityException {
    Aead tink = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    return ReusableCipherAead.of(keyset, tink).orElse(tink);
  }

  private static GeneralSecurityException rethrown(Throwable cause) {
    if (cause instanceof GeneralSecurityException security) {
      return security;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException(cause);
  }

  /**
   * Options of {@link CachingSubjectKeysets}; every one has a default.
   *
   * <p>Guarantees: {@link #build} refuses a non-positive size or duration, naming the option.
   */
  public static final class Builder {
    private final SubjectKeyStore store;
    private final KeyEncryptionKey kek;
    private SubjectKeyListener listener = SubjectKeyListener.NONE;
    private Clock clock = Clock.systemUTC();
    private SecureRandom random = new SecureRandom();
    private long maximumSize = DEFAULT_MAXIMUM_SIZE;
    private Duration expireAfterWrite = DEFAULT_EXPIRE_AFTER_WRITE;
    private Ticker ticker = Ticker.systemTicker();

    private Builder(SubjectKeyStore store, KeyEncryptionKey kek) {
      this.store = Objects.requireNonNull(store, "store");
      this.kek = Objects.requireNonNull(kek, "kek");
    }

    /** Told once about every key this instance creates (default: nobody). */
    public Builder listener(SubjectKeyListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** At most this many subjects' primitives are cached (default 10,000). */
    public Builder maximumSize(long maximumSize) {
      this.maximumSize = maximumSize;
      return this;
    }

    /**
     * A cached primitive is used this long, then the store is read again (default 10 minutes):
     * bounds how long an instance whose cache the forgetter does not know keeps a forgotten key
     * when no {@link io.entityflow.privacy.forget.ForgottenSubjectsPoller} evicts it sooner.
     */
    public Builder expireAfterWrite(Duration expireAfterWrite) {
      this.expireAfterWrite = Objects.requireNonNull(expireAfterWrite, "expireAfterWrite");
      return this;
    }

    /** The clock of {@code created_at} (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The source of pseudonyms (default: a new {@link SecureRandom}). */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** The cache's time source, for {@code expireAfterWrite} (default: system nano time). */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * The keysets.
     *
     * @throws IllegalArgumentException when the size or duration is not positive
     * @throws GeneralSecurityException when Tink's AEAD key types cannot be registered
     */
    public CachingSubjectKeysets build() throws GeneralSecurityException {
      if (maximumSize <= 0) {
        throw new IllegalArgumentException(
            "maximum size " + maximumSize + " of the subject key cache is not allowed: at least 1");
      }
      if (expireAfterWrite.isNegative() || expireAfterWrite.isZero()) {
        throw new IllegalArgumentException(
            "expire-after-write "
                + expireAfterWrite
                + " of the subject key cache is not allowed: a positive duration");
      }
      AeadConfig.register();
      return new CachingSubjectKeysets(this);
    }
  }
}
