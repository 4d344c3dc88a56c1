package io.entityflow.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.bigquery.BigQueryJsonSchema;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.schema.SchemaToolsCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code contract check <dir>} on a contract repository of its own (no {@code
 * entityflow/options.proto} in it): exit 0 with the entities, 1 with the violations, 2 when the
 * input cannot be read.
 */
class ContractCheckCommandTest {
  private static final String ORDER =
      """
      syntax = "proto3";
      package bookshop.orders.v1;
      import "entityflow/options.proto";
      // An order of books.
      message Order {
        option (entityflow.entity) = {
          name: "Order"
          id_field: "order_id"
          domain: "bookshop"
          owner: "team-orders"
        };
        string order_id = 1;
        int64 total_cents = 2;
      }
      """;

  private static final String BOOK =
      """
      syntax = "proto3";
      package bookshop.catalog.v1;
      import "entityflow/options.proto";
      message Book {
        option (entityflow.entity) = {
          name: "Book"
          id_field: "isbn"
          domain: "bookshop"
          owner: "team-catalog"
        };
        string isbn = 1;
        string title = 2 [(entityflow.sensitivity) = PUBLIC];
      }
      """;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path work;

  @Test
  void aValidContractExitsZeroWithOneLinePerEntity() throws IOException {
    Path proto = contract(ORDER, BOOK);

    int exit = run("contract", "check", proto.toString());

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "bookshop.catalog.v1.Book -> topic book_v1, table bookshop.book_v1, id isbn, owner"
                + " team-catalog\n"
                + "bookshop.orders.v1.Order -> topic order_v1, table bookshop.order_v1, id"
                + " order_id, owner team-orders\n"
                + "valid contract: 2 entities\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aMissingIdFieldExitsOneWithTheRegistryViolation() throws IOException {
    Path proto = contract(ORDER.replace("id_field: \"order_id\"", ""), BOOK);

    int exit = run("contract", "check", proto.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "bookshop/orders/v1/order.proto: bookshop.orders.v1.Order: [missing-option]"
                + " (entityflow.entity).id_field is not set; allowed: a non-empty value (required:"
                + " name, id_field, domain, owner)\n"
                + "invalid contract: 1 violation\n");
  }

  @Test
  void descriptorSetAndSchemasAreWrittenForAValidContract() throws IOException {
    Path proto = contract(ORDER, BOOK);
    Path set = work.resolve("build/contract.desc");
    Path schemas = work.resolve("build/schemas");

    int exit =
        run(
            "contract",
            "check",
            proto.toString(),
            "--descriptor-set-out",
            set.toString(),
            "--schemas-out",
            schemas.toString());

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .endsWith(
            "valid contract: 2 entities\n"
                + "wrote the descriptor set (with imports) to "
                + set
                + "\n"
                + "wrote 2 BigQuery schemas to "
                + schemas
                + "\n");
    EntityRegistry written = EntityRegistry.fromDescriptorSet(Files.readAllBytes(set));
    assertThat(written.entities())
        .extracting(EntityDefinition::fullName)
        .containsExactly("bookshop.catalog.v1.Book", "bookshop.orders.v1.Order");
    EntityDefinition order = written.forTopic("order_v1").orElseThrow();
    assertThat(Files.readString(schemas.resolve("bookshop/order_v1.json")))
        .isEqualTo(BigQueryJsonSchema.toJson(EntityTable.of(order).columns()));
    assertThat(schemas.resolve("bookshop/book_v1.json")).exists();
  }

  @Test
  void nothingIsWrittenForAnInvalidContract() throws IOException {
    Path proto = contract(ORDER.replace("id_field: \"order_id\"", ""));
    Path set = work.resolve("contract.desc");

    int exit = run("contract", "check", proto.toString(), "--descriptor-set-out", set.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(set).doesNotExist();
  }

  @Test
  void aMissingDirectoryExitsTwoWithTheReason() {
    Path missing = work.resolve("no-such-dir");

    int exit = run("contract", "check", missing.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "entityflow: contract directory '"
                + missing
                + "' does not exist or is not a directory\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void protocErrorsExitTwoWithProtocsMessage() throws IOException {
    Path proto = contract(ORDER.replace("int64 total_cents", "int46 total_cents"));

    int exit = run("contract", "check", proto.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith(
            "entityflow: the .proto files under "
                + proto
                + " do not compile:\n"
                + proto
                + "/bookshop/orders/v1/order.proto:13:3: \"int46\" is not defined.");
  }

  @Test
  void aMissingDirectoryArgumentIsAUsageError() {
    int exit = run("contract", "check", "--schemas-out", "x");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith(
            "entityflow: contract check needs the directory of .proto files first, e.g. 'contract"
                + " check proto'\nusage:");
  }

  /** A contract directory with the order file and, when given, the book file. */
  private Path contract(String order, String... book) throws IOException {
    Path root = work.resolve("proto");
    write(root.resolve("bookshop/orders/v1/order.proto"), order);
    if (book.length > 0) {
      write(root.resolve("bookshop/catalog/v1/book.proto"), book[0]);
    }
    return root;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private int run(String... args) {
    return SchemaToolsCli.run(args, print(out), print(err));
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, StandardCharsets.UTF_8);
  }
}
