package io.entityflow.schema.cli;

import static io.entityflow.schema.ContractFixtures.delete;
import static io.entityflow.schema.ContractFixtures.tempDir;
import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.schema.SchemaToolsCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a schema owner does first, on a temporary copy of the repository's real contract: rename a
 * field of Sale (the check fails and says how to fix it), add an optional field (the check passes
 * and the report shows the ALTER TABLE).
 */
class NewUserWalkthroughTest {
  private static final String SALE = "acme/retail/sale/v1/sale.proto";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private Path work;

  @BeforeEach
  void copyTheContract() {
    work = tempDir("entityflow-walkthrough-");
    Path contract =
        Path.of(
            System.getProperty("entityflow.repository.root", ".."),
            "examples/acme-contract/src/main/proto");
    copy(contract, work.resolve("base"));
    copy(contract, work.resolve("current"));
  }

  @AfterEach
  void deleteTheCopy() {
    delete(work);
  }

  @Test
  void renamingAFieldOfSaleFailsTheCheckWithHowToFixIt() throws IOException {
    edit("string store_id = 3;", "string shop_id = 3;");

    int exit = run("schema", "check", "--against", "base", "--current", "current");

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith(
            SALE
                + ":30: field-renamed [bigquery-breaking] field 3 of acme.retail.sale.v1.Sale was"
                + " renamed from 'store_id' to 'shop_id': the BigQuery column 'store_id' would"
                + " vanish and break every query using it. Fix: keep the name 'store_id' (document"
                + " the new meaning in its comment), or make the change in a new major package"
                + " acme.retail.sale.v2 beside the untouched acme.retail.sale.v1\n");
  }

  @Test
  void addingAnOptionalFieldPassesAndTheReportShowsTheAlterTable() throws IOException {
    edit(
        "  optional string receipt_number = 13;\n",
        "  optional string receipt_number = 13;\n  // Whether the customer asked for gift"
            + " wrapping.\n  optional bool gift_wrap = 14;\n");

    int check = run("schema", "check", "--against", "base", "--current", "current");
    out.reset();
    int report = run("schema", "report", "--against", "base", "--current", "current");

    assertThat(check).isZero();
    assertThat(report).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "| `gift_wrap` | `BOOL` | Whether the customer asked for gift wrapping. |\n",
            "```sql\nALTER TABLE `retail.sale_v1` ADD COLUMN `gift_wrap` BOOL;\n```\n");
  }

  private void edit(String from, String to) throws IOException {
    Path file = work.resolve("current").resolve(SALE);
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  private int run(String... args) {
    String[] withRepo = java.util.Arrays.copyOf(args, args.length + 2);
    withRepo[args.length] = "--repo";
    withRepo[args.length + 1] = work.toString();
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    return SchemaToolsCli.run(withRepo, stream, stream);
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
