package io.entityflow.privacy.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionKeysTest {
  @TempDir Path directory;

  @Test
  void localFileUriOpensTheLocalKeyFile() throws Exception {
    String uri = "local-file://" + directory.toAbsolutePath() + "/kek.json";

    KeyEncryptionKey kek = KeyEncryptionKeys.fromUri(uri);

    assertThat(kek).isInstanceOf(LocalKeyFileKek.class);
    assertThat(kek.uri()).isEqualTo(uri);
    assertThat(directory.resolve("kek.json")).exists();
  }
}
