package io.entityflow.schema.cli;

import static io.entityflow.schema.ContractFixtures.ORDER;
import static io.entityflow.schema.ContractFixtures.baseFiles;
import static io.entityflow.schema.ContractFixtures.delete;
import static io.entityflow.schema.ContractFixtures.git;
import static io.entityflow.schema.ContractFixtures.tempDir;
import static io.entityflow.schema.ContractFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.schema.SchemaToolsCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A company's contract repository keeps its protos under its own directory ({@code
 * src/main/proto}), not Entityflow's: {@code --contract-dir} makes the working tree and git refs
 * read there, as the reusable schema-check action does.
 */
class CompanyRepositoryCheckTest {
  private static final String CONTRACT_DIR = "src/main/proto";
  private Path repo;

  @BeforeEach
  void repository() throws Exception {
    repo = tempDir("company-contract-");
    write(baseFiles(), repo.resolve(CONTRACT_DIR));
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(
        repo,
        "-c",
        "user.name=test",
        "-c",
        "user.email=test@example.com",
        "commit",
        "-q",
        "-m",
        "v1");
  }

  @AfterEach
  void cleanUp() {
    delete(repo);
  }

  @Test
  void renamedFieldInTheWorkingTreeIsBreakingAgainstTheBaseCommitWithAnnotationOnTheFile()
      throws Exception {
    Path order = repo.resolve(CONTRACT_DIR).resolve(ORDER);
    Files.writeString(
        order, Files.readString(order).replace("string note = 3;", "string remark = 3;"));

    Result result =
        run(
            "schema",
            "check",
            "--repo",
            repo.toString(),
            "--contract-dir",
            CONTRACT_DIR,
            "--against",
            "HEAD",
            "--format",
            "github");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out())
        .startsWith(
            "::error file=src/main/proto/acme/shop/order/v1/order.proto,line=25,"
                + "title=field-renamed (bigquery-breaking)::field 3 of acme.shop.order.v1.Order was"
                + " renamed from 'note' to 'remark'")
        .endsWith(
            "breaking: 0 wire-breaking, 1 BigQuery-breaking, 0 compatible change(s); a breaking"
                + " change is allowed only as a new major package (.v2) beside the untouched .v1\n");
  }

  @Test
  void unchangedWorkingTreeIsCompatibleWithTheBaseCommit() {
    Result result =
        run(
            "schema",
            "check",
            "--repo",
            repo.toString(),
            "--contract-dir",
            CONTRACT_DIR,
            "--against",
            "HEAD");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo("compatible: no contract changes\n");
  }

  private record Result(int exit, String out) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        SchemaToolsCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
  }
}
