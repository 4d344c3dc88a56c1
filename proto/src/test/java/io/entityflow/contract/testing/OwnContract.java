package io.entityflow.contract.testing;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import io.entityflow.contract.compiler.ProtoCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A company's own small contract, unknown to the built-in sample: one entity {@value #ENTITY}
 * ({@value #FULL_NAME}, domain {@value #DOMAIN}, topic and table {@value #TOPIC}) with an id, a
 * weight and a destination. Written as a {@code .proto} directory (with {@code
 * entityflow/options.proto}) or compiled with the build's protoc into a binary descriptor set file,
 * the two forms every {@code --contract} accepts.
 *
 * <pre>{@code
 * Path desc = OwnContract.writeDescriptorSet(tempDir.resolve("contract.desc"));
 * EntityRegistry registry = ContractLoader.registry(desc.toString()); // one entity: Parcel
 * }</pre>
 *
 * <p>Guarantees: the same bytes on every call of a JVM (compiled once); no file outside the given
 * paths is left behind.
 */
public final class OwnContract {
  /** The entity name. */
  public static final String ENTITY = "Parcel";

  /** The full message name. */
  public static final String FULL_NAME = "globex.logistics.parcel.v1.Parcel";

  /** The domain, i.e. the dataset. */
  public static final String DOMAIN = "logistics";

  /** The topic and table name. */
  public static final String TOPIC = "parcel_v1";

  /** The owning team. */
  public static final String OWNER = "team-depot";

  /** Path of the entity's file inside the contract. */
  public static final String FILE = "globex/logistics/parcel/v1/parcel.proto";

  /** The entity's {@code .proto} source. */
  public static final String PROTO =
      """
      // Parcels of the depot.
      syntax = "proto3";

      package globex.logistics.parcel.v1;

      import "entityflow/options.proto";

      // A parcel handed to the depot.
      message Parcel {
        option (entityflow.entity) = {
          name: "Parcel"
          id_field: "parcel_id"
          domain: "logistics"
          owner: "team-depot"
          description: "Parcels handed to the depot, with weight and destination."
        };

        // Unique id of the parcel.
        string parcel_id = 1;
        // Weight in grams.
        int64 weight_grams = 2;
        // Destination address.
        string destination = 3 [(entityflow.sensitivity) = PII];
      }
      """;

  private static FileDescriptorSet compiled;

  private OwnContract() {}

  /** Writes the contract's {@code .proto} files under {@code root}; returns {@code root}. */
  public static Path writeProtoDirectory(Path root) {
    try {
      Path entity = root.resolve(FILE);
      Files.createDirectories(entity.getParent());
      Files.writeString(entity, PROTO);
      Path options = root.resolve("entityflow/options.proto");
      Files.createDirectories(options.getParent());
      try (InputStream in =
          OwnContract.class.getClassLoader().getResourceAsStream("entityflow/options.proto")) {
        if (in == null) {
          throw new IllegalStateException("entityflow/options.proto is not on the classpath");
        }
        Files.write(options, in.readAllBytes());
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the contract under " + root, e);
    }
  }

  /** The contract compiled with the build's protoc (imports and source info included). */
  public static synchronized FileDescriptorSet descriptorSet() {
    if (compiled == null) {
      Path root = null;
      try {
        root = Files.createTempDirectory("entityflow-own-contract");
        compiled = ProtoCompiler.locate().compile(writeProtoDirectory(root));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        delete(root);
      }
    }
    return compiled;
  }

  /** Writes the binary descriptor set to {@code file}; returns {@code file}. */
  public static Path writeDescriptorSet(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.write(file, descriptorSet().toByteArray());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
