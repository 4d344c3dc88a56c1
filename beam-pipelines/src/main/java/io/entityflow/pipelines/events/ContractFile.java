package io.entityflow.pipelines.events;

import com.google.protobuf.InvalidProtocolBufferException;
import io.entityflow.contract.registry.DescriptorSets;
import io.entityflow.contract.source.ContractLoader;
import io.entityflow.contract.source.ContractUnreadableException;
import io.entityflow.pipelines.options.ContractOptions;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Reads {@code --contract} ({@link ContractOptions}) at pipeline construction: the descriptor set
 * is read through Beam's {@link FileSystems} (local paths, {@code gs://} on Dataflow), checked as a
 * contract, and handed to the graph as a {@link RegistrySource} that carries the bytes, so workers
 * need no access to the file. Without the option: the contract on the classpath.
 *
 * <pre>{@code
 * RegistrySource registry = ContractFile.registry(options);
 * }</pre>
 *
 * <p>Guarantees: a missing file, bytes that are no descriptor set or a set that is no valid
 * contract fail here, before any job starts, with an {@link IllegalArgumentException} naming {@code
 * --contract}, the value and the reason.
 */
public final class ContractFile {
  private ContractFile() {}

  /** The contract the options name, or the classpath's when {@code --contract} is empty. */
  public static RegistrySource registry(ContractOptions options) {
    String location = options.getContract();
    if (location == null || location.isBlank()) {
      return RegistrySource.contract();
    }
    FileSystems.setDefaultPipelineOptions(options);
    byte[] bytes = read(location);
    int entities;
    try {
      entities =
          ContractLoader.fromDescriptorSet(
                  "descriptor set " + location, DescriptorSets.parse(bytes))
              .registry()
              .entities()
              .size();
    } catch (InvalidProtocolBufferException e) {
      throw refused(location, "it is not a binary FileDescriptorSet (" + e.getMessage() + ")", e);
    } catch (ContractUnreadableException e) {
      throw refused(location, e.getMessage(), e);
    }
    if (entities == 0) {
      throw refused(location, "it declares no entity", null);
    }
    return RegistrySource.of(bytes);
  }

  private static byte[] read(String location) {
    try {
      MatchResult.Metadata file = FileSystems.matchSingleFileSpec(location);
      try (InputStream in = Channels.newInputStream(FileSystems.open(file.resourceId()))) {
        return in.readAllBytes();
      }
    } catch (FileNotFoundException e) {
      throw refused(location, "no such file", e);
    } catch (IOException | IllegalArgumentException e) {
      throw refused(location, "cannot read it: " + e.getMessage(), e);
    }
  }

  private static IllegalArgumentException refused(String location, String reason, Exception e) {
    return new IllegalArgumentException(
        "--contract="
            + location
            + " is refused: "
            + reason
            + "; allowed: a binary FileDescriptorSet (protoc --include_imports"
            + " --descriptor_set_out) as a local path or gs:// URL, or no --contract for the"
            + " contract compiled into the pipeline",
        e);
  }
}
