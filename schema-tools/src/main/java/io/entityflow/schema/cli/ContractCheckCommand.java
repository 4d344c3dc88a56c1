package io.entityflow.schema.cli;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.entityflow.contract.bigquery.SchemaFileGenerator;
import io.entityflow.contract.compiler.ProtoCompiler;
import io.entityflow.contract.registry.ContractException;
import io.entityflow.contract.registry.ContractViolation;
import io.entityflow.contract.registry.DescriptorSets;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.contract.source.ContractSnapshot;
import io.entityflow.contract.source.ContractUnreadableException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code contract check <proto dir>}: compiles a directory of {@code .proto} files with the build's
 * protoc, validates it with the registry's rules and lists its entities, for contract repositories
 * not built with Maven. {@code entityflow/options.proto} may be left out of the directory: the copy
 * in the {@code entityflow-proto} jar is used.
 *
 * <pre>{@code
 * int exit = ContractCheckCommand.run(
 *     List.of("proto", "--descriptor-set-out", "build/contract.desc"), System.out);
 * }</pre>
 *
 * <p>Guarantees: exit 0 with one line per entity ({@code acme.retail.sale.v1.Sale -> topic sale_v1,
 * table retail.sale_v1, id sale_id, owner team-checkout}) and a summary; exit 1 with every
 * violation in the registry's format ({@code file: message: [rule] what; allowed: ...}); exit 2 (a
 * {@link ContractUnreadableException} or {@link UsageException}) when the directory is missing or
 * does not compile. Outputs ({@code --descriptor-set-out}, {@code --schemas-out}) are written only
 * for a valid contract.
 */
public final class ContractCheckCommand {
  private static final List<String> OPTIONS = List.of("descriptor-set-out", "schemas-out");

  private ContractCheckCommand() {}

  /** Runs the command on its arguments (the directory first); returns the exit code. */
  public static int run(List<String> argv, PrintStream out) {
    if (argv.isEmpty() || argv.get(0).startsWith("--")) {
      throw new UsageException(
          "contract check needs the directory of .proto files first, e.g. 'contract check proto'");
    }
    Path dir = Path.of(argv.get(0));
    CliArguments args = CliArguments.parse(argv.subList(1, argv.size()), OPTIONS);
    if (!Files.isDirectory(dir)) {
      throw new ContractUnreadableException(
          "contract directory '" + dir + "' does not exist or is not a directory");
    }
    FileDescriptorSet set = compile(dir);
    List<FileDescriptor> files;
    try {
      files = DescriptorSets.link(set);
    } catch (IllegalArgumentException e) {
      throw new ContractUnreadableException(dir + " cannot be linked: " + e.getMessage(), e);
    }
    EntityRegistry registry;
    try {
      registry =
          EntityRegistry.fromFiles(
              files.stream().filter(ContractSnapshot::isContractFile).toList());
    } catch (ContractException e) {
      for (ContractViolation violation : e.violations()) {
        out.println(violation);
      }
      out.println("invalid contract: " + count(e.violations().size(), "violation"));
      return 1;
    }
    for (EntityDefinition entity : registry.entities()) {
      out.println(line(entity));
    }
    out.println("valid contract: " + count(registry.entities().size(), "entity"));
    if (args.get("descriptor-set-out").isPresent()) {
      Path target = Path.of(args.get("descriptor-set-out").get());
      write(target, set.toByteArray());
      out.println("wrote the descriptor set (with imports) to " + target);
    }
    if (args.get("schemas-out").isPresent()) {
      Path target = Path.of(args.get("schemas-out").get());
      List<Path> written;
      try {
        written = SchemaFileGenerator.write(registry, target);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write schemas to " + target + ": " + e, e);
      }
      out.println("wrote " + count(written.size(), "BigQuery schema") + " to " + target);
    }
    return 0;
  }

  /** The line of one entity: full name, topic, table, id field and owner. */
  static String line(EntityDefinition entity) {
    return entity.fullName()
        + " -> topic "
        + entity.topicName()
        + ", table "
        + entity.dataset()
        + "."
        + entity.tableName()
        + ", id "
        + entity.idField().getName()
        + ", owner "
        + entity.owner();
  }

  private static FileDescriptorSet compile(Path dir) {
    try {
      return ProtoCompiler.locate().compile(dir);
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      throw new ContractUnreadableException(e.getMessage(), e);
    }
  }

  private static String count(int n, String noun) {
    String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    return n + " " + (n == 1 ? noun : plural);
  }

  private static void write(Path file, byte[] bytes) {
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
