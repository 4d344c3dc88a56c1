package io.entityflow.publisher.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.acme.retail.customer.v1.Customer;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.protobuf.ByteString;
import com.google.protobuf.StringValue;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.privacy.keys.CachingSubjectKeysets;
import io.entityflow.privacy.keys.InMemorySubjectKeyStore;
import io.entityflow.privacy.keys.LocalKeyFileKek;
import io.entityflow.publisher.privacy.PayloadEncryption;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The payload of one Customer event (3 PII fields: email, full_name, phone) in process, without
 * Pub/Sub: the low-noise view of what {@link PiiEncryptionBenchmark} measures end to end. All
 * methods cycle through {@code subjects} Customers (default 1,024) of distinct subjects whose
 * keysets exist.
 *
 * <ul>
 *   <li>{@code clearPayload}: {@code PayloadEncryption} with encryption off (the message's bytes);
 *   <li>{@code encryptedPayloadCached}: {@code PayloadEncryption.encrypting} with every subject's
 *       AEAD in the {@link CachingSubjectKeysets} cache;
 *   <li>{@code encryptedPayloadMiss}: the same with a 16-subject cache, so every lookup misses and
 *       unwraps the subject's keyset with the (local file) key-encryption key;
 *   <li>{@code aeadOnly}: only the three AES-256-GCM encryptions of the event's PII text with the
 *       cached AEAD at hand: the floor of the encryption cost;
 *   <li>{@code tinkAeadOnly}: the same three encryptions with Tink's own AES-256-GCM primitive
 *       (what the cache held before {@code ReusableCipherAead}).
 * </ul>
 *
 * <p>Run: see {@code publisher-lib/BENCHMARKS.md} ("PII payload, in process").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PiiPayloadBenchmark {
  /** How many Customers (= subjects) the methods cycle through: 1,024 stay in the CPU caches. */
  @Param({"1024"})
  public int subjects;

  private Customer[] customers;
  private Aead[] aeads;
  private Aead[] tinkAeads;
  private EntityDefinition entity;
  private PayloadEncryption clear;
  private PayloadEncryption cached;
  private PayloadEncryption missing;
  private int next;

  @Setup
  public void setUp() throws Exception {
    entity = EntityRegistry.load().require(Customer.getDescriptor());
    InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();
    LocalKeyFileKek kek =
        LocalKeyFileKek.open(Files.createTempDirectory("entityflow-bench").resolve("kek.json"));
    CachingSubjectKeysets large =
        CachingSubjectKeysets.builder(store, kek).maximumSize(2L * subjects).build();
    CachingSubjectKeysets small = CachingSubjectKeysets.builder(store, kek).maximumSize(16).build();
    clear = ClearPayloads.INSTANCE;
    cached = PayloadEncryption.encrypting(large);
    missing = PayloadEncryption.encrypting(small);
    customers = new Customer[subjects];
    aeads = new Aead[subjects];
    tinkAeads = new Aead[subjects];
    for (int i = 0; i < subjects; i++) {
      String id = String.format("customer-%06d", i);
      customers[i] =
          Customer.newBuilder()
              .setCustomerId(id)
              .setEmail(id + "@example.com")
              .setFullName("Customer " + i)
              .setPhone(StringValue.of(String.format("+31 6 %08d", i)))
              .setMarketingOptIn(i % 2 == 0)
              .setCountry("NL")
              .build();
      aeads[i] = large.aeadFor(id); // creates the keyset
      tinkAeads[i] =
          KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
              .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }
  }

  private int next() {
    int i = next;
    next = i + 1 == subjects ? 0 : i + 1;
    return i;
  }

  @Benchmark
  public ByteString clearPayload() {
    return clear.payload(entity, customers[next()]);
  }

  @Benchmark
  public ByteString encryptedPayloadCached() {
    return cached.payload(entity, customers[next()]);
  }

  @Benchmark
  public ByteString encryptedPayloadMiss() {
    return missing.payload(entity, customers[next()]);
  }

  @Benchmark
  public int aeadOnly() throws GeneralSecurityException {
    int i = next();
    return threeEncryptions(customers[i], aeads[i]);
  }

  @Benchmark
  public int tinkAeadOnly() throws GeneralSecurityException {
    int i = next();
    return threeEncryptions(customers[i], tinkAeads[i]);
  }

  private static int threeEncryptions(Customer customer, Aead aead)
      throws GeneralSecurityException {
    byte[] subject = customer.getCustomerId().getBytes(UTF_8);
    return aead.encrypt(customer.getEmail().getBytes(UTF_8), subject).length
        + aead.encrypt(customer.getFullName().getBytes(UTF_8), subject).length
        + aead.encrypt(customer.getPhone().getValue().getBytes(UTF_8), subject).length;
  }

  public static void main(String[] args) throws Exception {
    new Runner(new OptionsBuilder().include(PiiPayloadBenchmark.class.getSimpleName()).build())
        .run();
  }
}
