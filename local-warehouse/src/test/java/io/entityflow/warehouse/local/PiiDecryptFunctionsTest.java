package io.entityflow.warehouse.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.entityflow.privacy.keys.LocalKeyFileKek;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PiiDecryptFunctionsTest {
  @TempDir Path dir;

  private LocalKeyFileKek kek;
  private KeysetHandle keyset;
  private Aead aead;

  @BeforeEach
  void keys() throws Exception {
    AeadConfig.register();
    kek = LocalKeyFileKek.open(dir.resolve("kek.json"));
    keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  @Test
  void decryptsWithTheUnwrappedKeysetAndTheSubjectAsAssociatedData() throws Exception {
    byte[] email = aead.encrypt(utf8("ann@example.com"), utf8("c-1"));
    byte[] photo = aead.encrypt(new byte[] {0, (byte) 0xff, 7}, utf8("c-1"));

    List<String> row =
        query(
            "SELECT entityflow_decrypt_string(to_base64(?), ?, to_base64(?), 'c-1'),"
                + " from_base64(entityflow_decrypt_bytes(to_base64(?), ?, to_base64(?), 'c-1'))"
                + "::VARCHAR",
            kek.wrap(keyset),
            kek.uri(),
            email,
            kek.wrap(keyset),
            kek.uri(),
            photo);

    assertThat(row).containsExactly("ann@example.com", "\\x00\\xFF\\x07");
  }

  @Test
  void nullForAForgottenSubjectAnotherSubjectAndAnotherKeyFile() throws Exception {
    byte[] email = aead.encrypt(utf8("ann@example.com"), utf8("c-1"));
    LocalKeyFileKek other = LocalKeyFileKek.open(dir.resolve("other.json"));

    List<String> row =
        query(
            "SELECT entityflow_decrypt_string(NULL, ?, to_base64(?), 'c-1'),"
                + " entityflow_decrypt_string(to_base64(?), ?, to_base64(?), 'c-2'),"
                + " entityflow_decrypt_string(to_base64(?), ?, to_base64(?), 'c-1'),"
                + " entityflow_decrypt_string(to_base64(?), 'local-file:///nowhere/kek.json',"
                + " to_base64(?), 'c-1')",
            kek.uri(),
            email,
            kek.wrap(keyset),
            kek.uri(),
            email,
            other.wrap(keyset),
            kek.uri(),
            email,
            kek.wrap(keyset),
            email);

    assertThat(row).containsExactly(null, null, null, null);
    assertThat(dir.resolve("nowhere")).doesNotExist();
  }

  private List<String> query(String sql, Object... parameters) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      PiiDecryptFunctions.register(connection);
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          statement.setObject(i + 1, parameters[i]);
        }
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.add(rs.getString(i));
          }
          return row;
        }
      }
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
