package io.entityflow.privacy.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GcpKmsKekTest {
  private static final String URI =
      "gcp-kms://projects/acme/locations/europe-west1/keyRings/entityflow/cryptoKeys/subjects";

  @BeforeAll
  static void registerAead() throws GeneralSecurityException {
    AeadConfig.register();
  }

  private static Aead standInForKms() throws GeneralSecurityException {
    return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
        .getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  @Test
  void cryptoKeyUriIsAcceptedAndKeptAsItsUri() throws Exception {
    assertThat(GcpKmsKek.using(URI, standInForKms()).uri()).isEqualTo(URI);
  }

  @Test
  void uriOfAnotherSchemeIsRefused() {
    assertThatThrownBy(() -> GcpKmsKek.using("aws-kms://arn:aws:kms:eu-west-1:1:key/k", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cloud KMS key-encryption key uri 'aws-kms://arn:aws:kms:eu-west-1:1:key/k' is not"
                + " allowed: expected"
                + " gcp-kms://projects/<project>/locations/<location>/keyRings/<key ring>/cryptoKeys/<key>"
                + " (a crypto key, not a key version)");
  }

  @Test
  void keyVersionUriIsRefusedBeforeAnyCallToKms() {
    String version = URI + "/cryptoKeyVersions/1";

    assertThatThrownBy(() -> GcpKmsKek.withDefaultCredentials(version))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Cloud KMS key-encryption key uri '" + version + "' is not allowed");
  }

  @Test
  void uriWithoutKeyRingIsRefused() {
    assertThatThrownBy(
            () -> GcpKmsKek.withDefaultCredentials("gcp-kms://projects/acme/cryptoKeys/subjects"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Cloud KMS key-encryption key uri 'gcp-kms://projects/acme/cryptoKeys/subjects' is not"
                + " allowed");
  }

  @Test
  void wrappedKeysetIsTheKmsCiphertextOfTheBinaryKeysetWithEmptyAssociatedData() throws Exception {
    Aead kms = standInForKms();
    GcpKmsKek kek = GcpKmsKek.using(URI, kms);
    KeysetHandle subjectKeyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);

    byte[] wrapped = kek.wrap(subjectKeyset);

    // what BigQuery's KEYS.KEYSET_CHAIN does: one KMS decrypt without associated data, then parse
    byte[] serialized = kms.decrypt(wrapped, new byte[0]);
    assertThat(serialized)
        .isEqualTo(
            TinkProtoKeysetFormat.serializeKeyset(subjectKeyset, InsecureSecretKeyAccess.get()));
    assertThat(kek.unwrap(wrapped).equalsKeyset(subjectKeyset)).isTrue();
  }

  @Test
  void keyEncryptionKeysRefuseAnUnknownScheme() {
    assertThatThrownBy(() -> KeyEncryptionKeys.fromUri("hcvault://keys/subjects"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "key-encryption key uri 'hcvault://keys/subjects' is not allowed: expected"
                + " gcp-kms://projects/.../cryptoKeys/... (Cloud KMS) or"
                + " local-file://<absolute path> (local mode)");
  }

  @Test
  void keyEncryptionKeysRefuseABadCloudKmsUriBeforeLoadingCredentials() {
    assertThatThrownBy(() -> KeyEncryptionKeys.fromUri("gcp-kms://projects/acme"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Cloud KMS key-encryption key uri 'gcp-kms://projects/acme' is not allowed");
  }
}
