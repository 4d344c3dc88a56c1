package io.entityflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A company's contract repository built with Maven from the documented {@code pom.xml} ({@code
 * examples/contract-repository/pom.xml}, copied as it is) in a directory outside the Entityflow
 * tree: {@code mvn package} yields the contract artifact (generated classes plus {@code
 * entityflow/contract.desc}) and the BigQuery schema of its one entity, and a contract the registry
 * refuses fails the build naming the rule.
 *
 * <p>The build uses this checkout's {@code entityflow-proto} (and parent) installed into a fresh
 * local repository, with the machine's {@code ~/.m2/repository} as a read-only tail for every
 * plugin and library already there; what is missing comes from Maven Central.
 */
class ContractRepositoryMavenBuildIT {
  private static final Path ENTITYFLOW = Path.of("..").toAbsolutePath().normalize();
  private static final Path USER_REPOSITORY =
      Path.of(System.getProperty("user.home"), ".m2", "repository");

  @TempDir Path work;

  @Test
  void documentedPomBuildsTheContractArtifactAndRefusesAnInvalidContract() throws Exception {
    Path head = work.resolve("local-repository");
    install(head, ENTITYFLOW.resolve("pom.xml"), ENTITYFLOW.resolve("pom.xml"), "pom");
    install(
        head,
        ENTITYFLOW.resolve("proto/target/entityflow-proto-0.1.0-SNAPSHOT.jar"),
        ENTITYFLOW.resolve("proto/pom.xml"),
        "jar");
    Path repo = work.resolve("bookshop-contract");
    Path proto = repo.resolve("src/main/proto/bookshop/orders/v1/order.proto");
    Files.createDirectories(proto.getParent());
    Files.copy(ENTITYFLOW.resolve("examples/contract-repository/pom.xml"), repo.resolve("pom.xml"));
    Files.writeString(proto, ContractRepositoryFromScratchIT.ORDER_PROTO);
    assertThat(proto.startsWith(ENTITYFLOW)).isFalse();

    Run build = maven(repo, head, "package");

    assertThat(build.exit()).as(build.output()).isZero();
    try (JarFile jar = new JarFile(repo.resolve("target/example-contract-1.0.0.jar").toFile())) {
      assertThat(jar.getEntry("entityflow/contract.desc")).isNotNull();
      assertThat(jar.getEntry("com/bookshop/orders/v1/Order.class")).isNotNull();
      assertThat(jar.getEntry("entityflow/options.proto")).isNull();
    }
    try (var schemas = Files.walk(repo.resolve("target/bigquery-schemas"))) {
      assertThat(
              schemas
                  .filter(Files::isRegularFile)
                  .map(p -> repo.resolve("target/bigquery-schemas").relativize(p).toString()))
          .containsExactly("bookshop/order_v1.json");
    }
    assertThat(Files.readString(repo.resolve("target/bigquery-schemas/bookshop/order_v1.json")))
        .contains("\"name\": \"order_id\"")
        .contains("\"name\": \"total_cents\"");

    Files.writeString(
        proto,
        ContractRepositoryFromScratchIT.ORDER_PROTO.replace(
            "id_field: \"order_id\"", "id_field: \"order_number\""));
    Run refused = maven(repo, head, "package");

    assertThat(refused.exit()).isNotZero();
    assertThat(refused.output())
        .contains("bookshop/orders/v1/order.proto: bookshop.orders.v1.Order: [")
        .contains("order_number");
  }

  private record Run(int exit, String output) {}

  private static void install(Path head, Path file, Path pom, String packaging) throws Exception {
    Run run =
        mvnw(
            ENTITYFLOW,
            List.of(
                "-B",
                "-q",
                "-o",
                "install:install-file",
                "-Dfile=" + file,
                "-DpomFile=" + pom,
                "-Dpackaging=" + packaging,
                "-DlocalRepositoryPath=" + head));
    assertThat(run.exit()).as(run.output()).isZero();
  }

  private static Run maven(Path repo, Path head, String goal) throws Exception {
    return mvnw(
        repo,
        List.of(
            "-B",
            "-q",
            goal,
            "-Dmaven.repo.local=" + head,
            "-Dmaven.repo.local.tail=" + USER_REPOSITORY));
  }

  private static Run mvnw(Path directory, List<String> arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(ENTITYFLOW.resolve("mvnw").toString()));
    command.addAll(arguments);
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }
}
