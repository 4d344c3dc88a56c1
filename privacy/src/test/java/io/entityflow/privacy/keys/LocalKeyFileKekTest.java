package io.entityflow.privacy.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyFileKekTest {
  @TempDir Path directory;

  @BeforeAll
  static void registerAead() throws GeneralSecurityException {
    AeadConfig.register();
  }

  @Test
  void missingFileIsCreatedWithAFreshAes256GcmKeysetReadableOnlyByItsOwner() throws Exception {
    Path file = directory.resolve("keys/kek.json");

    LocalKeyFileKek kek = LocalKeyFileKek.open(file);

    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    KeysetHandle keyset =
        TinkJsonProtoKeysetFormat.parseKeyset(
            Files.readString(file, UTF_8), InsecureSecretKeyAccess.get());
    assertThat(keyset.size()).isEqualTo(1);
    assertThat(keyset.getPrimary().getKey().getParameters())
        .isEqualTo(PredefinedAeadParameters.AES256_GCM);
    assertThat(kek.path()).isEqualTo(file);
    assertThat(directory.resolve("keys")).isDirectoryContaining(p -> p.equals(file));
    try (var files = Files.list(directory.resolve("keys"))) {
      assertThat(files.toList()).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void existingFileIsReusedSoEarlierWrappedKeysetsStillUnwrap() throws Exception {
    Path file = directory.resolve("kek.json");
    KeysetHandle subjectKeyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    byte[] wrapped = LocalKeyFileKek.open(file).wrap(subjectKeyset);
    String before = Files.readString(file, UTF_8);

    KeysetHandle unwrapped = LocalKeyFileKek.open(file).unwrap(wrapped);

    assertThat(Files.readString(file, UTF_8)).isEqualTo(before);
    assertThat(unwrapped.equalsKeyset(subjectKeyset)).isTrue();
  }

  @Test
  void uriIsLocalFileWithTheAbsoluteNormalizedPath() throws Exception {
    Path file = directory.resolve("a/../kek.json");

    LocalKeyFileKek kek = LocalKeyFileKek.open(file);

    assertThat(kek.uri()).isEqualTo("local-file://" + directory.toAbsolutePath() + "/kek.json");
    assertThat(LocalKeyFileKek.fromUri(kek.uri()).path()).isEqualTo(kek.path());
  }

  @Test
  void wrappedKeysetIsTheKekCiphertextOfTheBinaryKeysetWithEmptyAssociatedData() throws Exception {
    Path file = directory.resolve("kek.json");
    LocalKeyFileKek kek = LocalKeyFileKek.open(file);
    KeysetHandle subjectKeyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);

    byte[] wrapped = kek.wrap(subjectKeyset);

    Aead fileAead =
        TinkJsonProtoKeysetFormat.parseKeyset(
                Files.readString(file, UTF_8), InsecureSecretKeyAccess.get())
            .getPrimitive(RegistryConfiguration.get(), Aead.class);
    byte[] serialized = fileAead.decrypt(wrapped, new byte[0]);
    assertThat(serialized)
        .isEqualTo(
            TinkProtoKeysetFormat.serializeKeyset(subjectKeyset, InsecureSecretKeyAccess.get()));
  }

  @Test
  void keysetWrappedByAnotherKekDoesNotUnwrap() throws Exception {
    byte[] wrapped =
        LocalKeyFileKek.open(directory.resolve("one.json"))
            .wrap(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
    LocalKeyFileKek other = LocalKeyFileKek.open(directory.resolve("two.json"));

    assertThatThrownBy(() -> other.unwrap(wrapped)).isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void fileWithoutAKeysetIsRefusedNamingIt() throws Exception {
    Path file = directory.resolve("kek.json");
    Files.writeString(file, "not a keyset", UTF_8);

    assertThatThrownBy(() -> LocalKeyFileKek.open(file))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessage(
            "local key file "
                + file
                + " does not hold a Tink keyset in JSON format (delete it to create a new one"
                + " only if no subject key was wrapped with it)");
  }

  @Test
  void relativeOrForeignUriIsRefused() {
    assertThatThrownBy(() -> LocalKeyFileKek.fromUri("local-file://kek.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "local key-encryption key uri 'local-file://kek.json' is not allowed: expected"
                + " local-file://<absolute path>, e.g. local-file:///var/lib/entityflow/kek.json");
  }
}
