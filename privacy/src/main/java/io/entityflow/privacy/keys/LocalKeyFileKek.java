package io.entityflow.privacy.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * A key-encryption key kept in a local file: a cleartext Tink AEAD keyset in Tink's JSON format,
 * for local mode and tests (never production: whoever reads the file can unwrap every subject key).
 *
 * <pre>{@code
 * LocalKeyFileKek kek = LocalKeyFileKek.open(Path.of(".entityflow/kek.json"));
 * kek.uri(); // local-file:///home/me/project/.entityflow/kek.json
 * }</pre>
 *
 * <p>Guarantees: a missing file is created with a fresh AES256_GCM keyset, permissions {@code
 * rw-------} (600), atomically (a concurrent opener either creates it or reads the complete file of
 * the other); an existing file is read, never rewritten.
 */
public final class LocalKeyFileKek implements KeyEncryptionKey {
  /** The uri scheme of a local key file. */
  public static final String PREFIX = "local-file://";

  private final Path path;
  private final Aead aead;

  private LocalKeyFileKek(Path path, Aead aead) {
    this.path = path;
    this.aead = aead;
  }

  /**
   * Opens the key file at {@code file}, creating it (and its parent directories) with a fresh
   * keyset when missing.
   *
   * @throws GeneralSecurityException when the file holds no valid Tink AEAD keyset
   * @throws UncheckedIOException when the file cannot be read or created
   */
  public static LocalKeyFileKek open(Path file) throws GeneralSecurityException {
    AeadConfig.register();
    Path path = file.toAbsolutePath().normalize();
    KeysetHandle keyset = Files.exists(path) ? read(path) : createOrRead(path);
    return new LocalKeyFileKek(path, keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
  }

  /**
   * Opens the key file named by a {@code local-file://<absolute path>} uri.
   *
   * @throws IllegalArgumentException when the uri is not of that form
   */
  public static LocalKeyFileKek fromUri(String uri) throws GeneralSecurityException {
    if (uri == null || !uri.startsWith(PREFIX + "/")) {
      throw new IllegalArgumentException(
          "local key-encryption key uri '"
              + uri
              + "' is not allowed: expected local-file://<absolute path>, e.g."
              + " local-file:///var/lib/entityflow/kek.json");
    }
    return open(Path.of(uri.substring(PREFIX.length())));
  }

  /** The absolute path of the key file. */
  public Path path() {
    return path;
  }

  @Override
  public String uri() {
    return PREFIX + path;
  }

  @Override
  public Aead aead() {
    return aead;
  }

  @Override
  public String toString() {
    return "LocalKeyFileKek[" + uri() + "]";
  }

  private static KeysetHandle createOrRead(Path path) throws GeneralSecurityException {
    KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    String json = TinkJsonProtoKeysetFormat.serializeKeyset(fresh, InsecureSecretKeyAccess.get());
    Path temporary = null;
    try {
      Files.createDirectories(path.getParent());
      temporary =
          Files.createTempFile(
              path.getParent(),
              path.getFileName() + ".",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(temporary, json, StandardCharsets.UTF_8);
      // a hard link appears complete or not at all, and fails when another process won the race
      Files.createLink(path, temporary);
      return fresh;
    } catch (FileAlreadyExistsException e) {
      return read(path);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the local key file " + path, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // a stray temporary file holds an unused key; nothing to do
        }
      }
    }
  }

  private static KeysetHandle read(Path path) throws GeneralSecurityException {
    String json;
    try {
      json = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the local key file " + path, e);
    }
    try {
      return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new GeneralSecurityException(
          "local key file "
              + path
              + " does not hold a Tink keyset in JSON format (delete it to create a new one"
              + " only if no subject key was wrapped with it)",
          e);
    }
  }
}
