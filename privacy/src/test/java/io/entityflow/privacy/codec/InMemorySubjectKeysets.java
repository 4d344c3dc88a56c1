package io.entityflow.privacy.codec;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import io.entityflow.privacy.keys.SubjectKeysets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Subject keysets held in memory (AES256_GCM, Tink output prefix), for codec tests. */
final class InMemorySubjectKeysets implements SubjectKeysets {
  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Map<String, KeysetHandle> keysets = new ConcurrentHashMap<>();
  private final List<String> created = new ArrayList<>();

  @Override
  public synchronized Aead aeadFor(String subjectId) throws GeneralSecurityException {
    KeysetHandle keyset = keysets.get(subjectId);
    if (keyset == null) {
      keyset = KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM"));
      keysets.put(subjectId, keyset);
      created.add(subjectId);
    }
    return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  @Override
  public Optional<Aead> existingAeadFor(String subjectId) throws GeneralSecurityException {
    KeysetHandle keyset = keysets.get(subjectId);
    return keyset == null
        ? Optional.empty()
        : Optional.of(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
  }

  /** The subject's cleartext keyset in Tink's binary format, as a key store would hold it. */
  byte[] serializedKeyset(String subjectId) throws GeneralSecurityException {
    return TinkProtoKeysetFormat.serializeKeyset(
        keysets.get(subjectId), InsecureSecretKeyAccess.get());
  }

  /** Deletes the subject's keyset (crypto-shredding). */
  void forget(String subjectId) {
    keysets.remove(subjectId);
  }

  /** The subjects a keyset was created for, in order. */
  synchronized List<String> created() {
    return List.copyOf(created);
  }
}
