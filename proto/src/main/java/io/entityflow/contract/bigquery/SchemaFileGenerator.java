package io.entityflow.contract.bigquery;

import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the BigQuery JSON schema file of every entity to {@code <dir>/<dataset>/<table>.json}. The
 * build runs it into {@code proto/target/bigquery-schemas}; the committed copies under {@code
 * proto/bigquery/} are checked against it by the tests.
 *
 * <pre>{@code
 * java -cp entityflow-proto.jar io.entityflow.contract.bigquery.SchemaFileGenerator out/
 * }</pre>
 */
public final class SchemaFileGenerator {
  private SchemaFileGenerator() {}

  /** Entry point: one argument, the output directory. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: SchemaFileGenerator <output-directory>");
      System.exit(2);
    }
    for (Path file : write(EntityRegistry.load(), Path.of(args[0]))) {
      System.out.println("wrote " + file);
    }
  }

  /** Writes every entity's schema file and returns the paths written. */
  public static List<Path> write(EntityRegistry registry, Path directory) throws IOException {
    List<Path> written = new ArrayList<>();
    for (EntityDefinition entity : registry.entities()) {
      Path file = directory.resolve(relativePath(entity));
      Files.createDirectories(file.getParent());
      Files.writeString(file, BigQueryJsonSchema.toJson(EntityTable.of(entity).columns()));
      written.add(file);
    }
    return written;
  }

  /** {@code <dataset>/<table>.json}. */
  public static String relativePath(EntityDefinition entity) {
    return entity.dataset() + "/" + entity.tableName() + ".json";
  }
}
