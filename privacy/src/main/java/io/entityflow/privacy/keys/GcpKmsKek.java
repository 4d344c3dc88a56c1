package io.entityflow.privacy.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.integration.gcpkms.GcpKmsClient;
import java.security.GeneralSecurityException;
import java.util.regex.Pattern;

/**
 * A key-encryption key in Google Cloud KMS, used through Tink's GCP KMS client with the application
 * default credentials: every wrap and unwrap is one Cloud KMS encrypt/decrypt call.
 *
 * <pre>{@code
 * GcpKmsKek kek = GcpKmsKek.withDefaultCredentials(
 *     "gcp-kms://projects/acme/locations/europe-west1/keyRings/entityflow/cryptoKeys/subject-keys");
 * }</pre>
 *
 * <p>The same uri is what BigQuery's {@code KEYS.KEYSET_CHAIN} takes as its first argument, so the
 * stored {@code kek_uri} can be used as it is in decrypting views. Guarantees: only a uri naming a
 * crypto key ({@value #PREFIX}{@code projects/*}{@code /locations/*}{@code /keyRings/*}{@code
 * /cryptoKeys/*}) is accepted, checked before any call to Cloud KMS.
 */
public final class GcpKmsKek implements KeyEncryptionKey {
  /** The uri scheme of a Cloud KMS key. */
  public static final String PREFIX = "gcp-kms://";

  private static final Pattern KEY_URI =
      Pattern.compile("gcp-kms://projects/[^/]+/locations/[^/]+/keyRings/[^/]+/cryptoKeys/[^/]+");

  private final String uri;
  private final Aead aead;

  private GcpKmsKek(String uri, Aead aead) {
    this.uri = uri;
    this.aead = aead;
  }

  /**
   * The Cloud KMS key of {@code uri}, called with the application default credentials.
   *
   * @throws IllegalArgumentException when the uri does not name a Cloud KMS crypto key
   * @throws GeneralSecurityException when the credentials cannot be loaded
   */
  public static GcpKmsKek withDefaultCredentials(String uri) throws GeneralSecurityException {
    checkUri(uri);
    Aead aead = new GcpKmsClient(uri).withDefaultCredentials().getAead(uri);
    return new GcpKmsKek(uri, aead);
  }

  /**
   * The Cloud KMS key of {@code uri} reached through {@code kmsAead} (e.g. a client built with
   * other credentials, or a local AEAD standing in for Cloud KMS in tests).
   *
   * @throws IllegalArgumentException when the uri does not name a Cloud KMS crypto key
   */
  public static GcpKmsKek using(String uri, Aead kmsAead) {
    checkUri(uri);
    if (kmsAead == null) {
      throw new IllegalArgumentException("the Cloud KMS AEAD of " + uri + " must not be null");
    }
    return new GcpKmsKek(uri, kmsAead);
  }

  /**
   * Refuses a uri that does not name a Cloud KMS crypto key.
   *
   * @throws IllegalArgumentException naming the uri and the allowed form
   */
  static void checkUri(String uri) {
    if (uri == null || !KEY_URI.matcher(uri).matches()) {
      throw new IllegalArgumentException(
          "Cloud KMS key-encryption key uri '"
              + uri
              + "' is not allowed: expected"
              + " gcp-kms://projects/<project>/locations/<location>/keyRings/<key ring>/cryptoKeys/<key>"
              + " (a crypto key, not a key version)");
    }
  }

  @Override
  public String uri() {
    return uri;
  }

  @Override
  public Aead aead() {
    return aead;
  }

  @Override
  public String toString() {
    return "GcpKmsKek[" + uri + "]";
  }
}
