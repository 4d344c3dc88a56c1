package io.entityflow.warehouse.local;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import io.entityflow.privacy.keys.KeyEncryptionKey;
import io.entityflow.privacy.keys.LocalKeyFileKek;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBLogicalType;

/**
 * DuckDB's stand-in for BigQuery's {@code SAFE.AEAD.DECRYPT_STRING(KEYS.KEYSET_CHAIN(kek,
 * wrapped_keyset), ciphertext, subject)}: two Java scalar functions registered on a connection,
 * which the local decrypting views call. DuckDB's Java functions take no BLOBs, so the bytes travel
 * as base64 text:
 *
 * <pre>{@code
 * PiiDecryptFunctions.register(connection);
 * SELECT entityflow_decrypt_string(to_base64(k.wrapped_keyset), k.kek_uri,
 *                                  to_base64(t.email), t.customer_id) AS email ...
 * SELECT from_base64(entityflow_decrypt_bytes(...)) AS photo ...
 * }</pre>
 *
 * <p>Guarantees, as BigQuery's {@code SAFE.} functions: NULL for a NULL argument (a forgotten
 * subject has no keyset row), for a key file that does not exist, for a keyset the key file does
 * not unwrap and for a ciphertext the keyset does not decrypt; never a plaintext of another
 * subject, since the subject id is the associated data. Only {@code local-file://} key-encryption
 * keys are opened (local mode); a key file is never created here. Unwrapped keysets are cached per
 * connection (at most {@value #MAX_CACHED_KEYSETS}).
 */
public final class PiiDecryptFunctions {
  /** Name of the function returning the plaintext as text. */
  public static final String DECRYPT_STRING = "entityflow_decrypt_string";

  /** Name of the function returning the plaintext bytes as base64 text. */
  public static final String DECRYPT_BYTES = "entityflow_decrypt_bytes";

  static final int MAX_CACHED_KEYSETS = 10_000;

  private final Map<String, Optional<KeyEncryptionKey>> keys = new LinkedHashMap<>();
  private final Map<String, Optional<Aead>> keysets =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<Aead>> eldest) {
              return size() > MAX_CACHED_KEYSETS;
            }
          });

  private PiiDecryptFunctions() {}

  /** Registers both functions on {@code connection}. */
  public static void register(Connection connection) throws SQLException {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new SQLException("cannot register Tink's AEAD primitives", e);
    }
    PiiDecryptFunctions functions = new PiiDecryptFunctions();
    DuckDBFunctions.scalarFunction()
        .withName(DECRYPT_STRING)
        .withVarArgs(DuckDBLogicalType.of(DuckDBColumnType.VARCHAR))
        .withReturnType(DuckDBColumnType.VARCHAR)
        .withVarArgsFunction(
            args -> {
              byte[] plaintext = functions.decrypt(args);
              return plaintext == null ? null : new String(plaintext, StandardCharsets.UTF_8);
            })
        .register(connection);
    DuckDBFunctions.scalarFunction()
        .withName(DECRYPT_BYTES)
        .withVarArgs(DuckDBLogicalType.of(DuckDBColumnType.VARCHAR))
        .withReturnType(DuckDBColumnType.VARCHAR)
        .withVarArgsFunction(
            args -> {
              byte[] plaintext = functions.decrypt(args);
              return plaintext == null ? null : Base64.getEncoder().encodeToString(plaintext);
            })
        .register(connection);
  }

  /** (wrapped keyset base64, kek uri, ciphertext base64, subject id) to plaintext, or null. */
  byte[] decrypt(Object[] args) {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "entityflow_decrypt_* takes 4 arguments (wrapped keyset base64, kek uri, ciphertext"
              + " base64, subject id), got "
              + args.length);
    }
    for (Object arg : args) {
      if (arg == null) {
        return null;
      }
    }
    Optional<Aead> aead = keyset((String) args[0], (String) args[1]);
    if (aead.isEmpty()) {
      return null;
    }
    try {
      return aead.get()
          .decrypt(
              Base64.getDecoder().decode((String) args[2]),
              ((String) args[3]).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
  }

  private Optional<Aead> keyset(String wrappedBase64, String kekUri) {
    return keysets.computeIfAbsent(
        kekUri + "\n" + wrappedBase64,
        k -> {
          Optional<KeyEncryptionKey> kek = kek(kekUri);
          if (kek.isEmpty()) {
            return Optional.empty();
          }
          try {
            return Optional.of(
                kek.get()
                    .unwrap(Base64.getDecoder().decode(wrappedBase64))
                    .getPrimitive(RegistryConfiguration.get(), Aead.class));
          } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
          }
        });
  }

  private synchronized Optional<KeyEncryptionKey> kek(String uri) {
    return keys.computeIfAbsent(
        uri,
        u -> {
          if (!u.startsWith(LocalKeyFileKek.PREFIX + "/")
              || !Files.isRegularFile(Path.of(u.substring(LocalKeyFileKek.PREFIX.length())))) {
            return Optional.empty();
          }
          try {
            return Optional.of(LocalKeyFileKek.fromUri(u));
          } catch (GeneralSecurityException e) {
            return Optional.empty();
          }
        });
  }
}
