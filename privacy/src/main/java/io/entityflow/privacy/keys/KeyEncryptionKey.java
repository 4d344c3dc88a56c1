package io.entityflow.privacy.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.security.GeneralSecurityException;

/**
 * The key-encryption key (KEK) that wraps every subject keyset before it is stored: a Cloud KMS key
 * in production ({@link GcpKmsKek}), a local Tink keyset file in local mode ({@link
 * LocalKeyFileKek}).
 *
 * <pre>{@code
 * KeyEncryptionKey kek = KeyEncryptionKeys.fromUri("gcp-kms://projects/p/locations/eu/keyRings/r/cryptoKeys/k");
 * byte[] wrapped = kek.wrap(subjectKeyset);       // stored beside kek.uri()
 * KeysetHandle again = kek.unwrap(wrapped);
 * }</pre>
 *
 * <p>Wrapped keyset format: {@code KEK-AEAD.encrypt(Tink binary keyset serialization, empty
 * associated data)}, the raw ciphertext with no envelope around it. This is what BigQuery's {@code
 * KEYS.KEYSET_CHAIN(kms_resource_name, first_level_keyset)} unwraps: BigQuery represents a keyset
 * as "a serialized google.crypto.tink.Keyset protocol buffer in BYTES"
 * (https://cloud.google.com/bigquery/docs/aead-encryption-concepts#keysets), and at query time "you
 * provide the Cloud KMS resource path of the KEK and the ciphertext from the wrapped DEK. BigQuery
 * calls Cloud KMS to unwrap the DEK" (https://cloud.google.com/bigquery/docs/column-key-encrypt), a
 * plain Cloud KMS decrypt without additional authenticated data. It is NOT Tink's {@code
 * EncryptedKeyset} proto ({@code TinkProtoKeysetFormat.serializeEncryptedKeyset}), which adds a
 * protobuf envelope BigQuery does not read.
 *
 * <p>Guarantees: {@code unwrap(wrap(k))} equals {@code k}; implementations are thread-safe.
 */
public interface KeyEncryptionKey {

  /**
   * Where the key lives, stored beside each wrapped keyset: {@code
   * gcp-kms://projects/.../cryptoKeys/...} or {@code local-file://<absolute path>}.
   */
  String uri();

  /** The AEAD of the key itself (a remote KMS call per operation for Cloud KMS). */
  Aead aead();

  /**
   * Wraps a cleartext subject keyset.
   *
   * @throws GeneralSecurityException when the key refuses to encrypt (e.g. KMS unreachable)
   */
  default byte[] wrap(KeysetHandle keyset) throws GeneralSecurityException {
    byte[] serialized =
        TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    return aead().encrypt(serialized, new byte[0]);
  }

  /**
   * Unwraps a keyset wrapped by {@link #wrap} with this key.
   *
   * @throws GeneralSecurityException when the bytes were not wrapped by this key or are damaged
   */
  default KeysetHandle unwrap(byte[] wrappedKeyset) throws GeneralSecurityException {
    byte[] serialized = aead().decrypt(wrappedKeyset, new byte[0]);
    return TinkProtoKeysetFormat.parseKeyset(serialized, InsecureSecretKeyAccess.get());
  }
}
