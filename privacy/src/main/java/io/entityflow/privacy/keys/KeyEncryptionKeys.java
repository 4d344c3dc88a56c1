package io.entityflow.privacy.keys;

import java.security.GeneralSecurityException;

/**
 * Opens the key-encryption key a uri names: {@code gcp-kms://...} (Cloud KMS, application default
 * credentials) or {@code local-file://<absolute path>} (a local Tink keyset file).
 *
 * <pre>{@code
 * KeyEncryptionKey kek = KeyEncryptionKeys.fromUri(configuredUri);
 * }</pre>
 *
 * <p>Guarantees: any other uri is refused with an error naming it and the allowed forms.
 */
public final class KeyEncryptionKeys {
  private KeyEncryptionKeys() {}

  /**
   * The key-encryption key of {@code uri}.
   *
   * @throws IllegalArgumentException when the uri is neither a Cloud KMS key nor a local key file
   * @throws GeneralSecurityException when the key cannot be opened
   */
  public static KeyEncryptionKey fromUri(String uri) throws GeneralSecurityException {
    if (uri != null && uri.startsWith(GcpKmsKek.PREFIX)) {
      return GcpKmsKek.withDefaultCredentials(uri);
    }
    if (uri != null && uri.startsWith(LocalKeyFileKek.PREFIX)) {
      return LocalKeyFileKek.fromUri(uri);
    }
    throw new IllegalArgumentException(
        "key-encryption key uri '"
            + uri
            + "' is not allowed: expected gcp-kms://projects/.../cryptoKeys/... (Cloud KMS) or"
            + " local-file://<absolute path> (local mode)");
  }
}
