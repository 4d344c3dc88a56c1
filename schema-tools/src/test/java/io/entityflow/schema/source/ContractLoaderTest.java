package io.entityflow.schema.source;

import static io.entityflow.schema.ContractFixtures.baseFiles;
import static io.entityflow.schema.ContractFixtures.delete;
import static io.entityflow.schema.ContractFixtures.git;
import static io.entityflow.schema.ContractFixtures.tempDir;
import static io.entityflow.schema.ContractFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.contract.compiler.ProtoCompiler;
import io.entityflow.contract.source.ContractLoader;
import io.entityflow.contract.source.ContractSnapshot;
import io.entityflow.contract.source.ContractUnreadableException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loading a side from a directory, a descriptor set file or a git ref, and refusing bad input. */
class ContractLoaderTest {
  private Path work;

  @BeforeEach
  void createWorkDir() {
    work = tempDir("entityflow-loader-");
  }

  @AfterEach
  void deleteWorkDir() {
    delete(work);
  }

  @Test
  void directoryOfProtoFilesLoadsEntitiesWithSourceLines() {
    write(baseFiles(), work.resolve("proto"));

    ContractSnapshot snapshot = ContractLoader.forRepository(work).load("proto");

    assertThat(snapshot.label()).isEqualTo("directory " + work.resolve("proto"));
    assertThat(snapshot.registry().entities())
        .extracting(e -> e.topicName())
        .containsExactly("order_v1", "refund_v1");
    assertThat(snapshot.messages().keySet())
        .containsExactly(
            "acme.shop.order.v1.Order",
            "acme.shop.order.v1.Address",
            "acme.shop.order.v1.Coupon",
            "acme.shop.refund.v1.Refund");
    assertThat(snapshot.enums().keySet())
        .containsExactly("acme.shop.order.v1.Status", "acme.shop.order.v1.Carrier");
  }

  @Test
  void descriptorSetFileLoadsTheSameContract() throws Exception {
    Path proto = write(baseFiles(), work.resolve("proto"));
    Path set = work.resolve("contract.desc");
    Files.write(set, ProtoCompiler.locate().compile(proto).toByteArray());

    ContractSnapshot snapshot = ContractLoader.forRepository(work).load(set.toString());

    assertThat(snapshot.label()).isEqualTo("descriptor set " + set);
    assertThat(snapshot.registry().entities())
        .extracting(e -> e.fullName())
        .containsExactly("acme.shop.order.v1.Order", "acme.shop.refund.v1.Refund");
  }

  @Test
  void gitRefLoadsTheCommittedContract() throws Exception {
    write(baseFiles(), work.resolve(ContractLoader.CONTRACT_DIR));
    git(work, "init", "-q");
    git(work, "add", ".");
    git(
        work,
        "-c",
        "user.name=test",
        "-c",
        "user.email=test@example.com",
        "commit",
        "-q",
        "-m",
        "c");
    Files.delete(
        work.resolve(ContractLoader.CONTRACT_DIR).resolve("acme/shop/refund/v1/refund.proto"));

    ContractSnapshot committed = ContractLoader.forRepository(work).load("HEAD");

    assertThat(committed.label()).isEqualTo("git ref HEAD");
    assertThat(committed.registry().entities())
        .extracting(e -> e.name())
        .containsExactly("Order", "Refund");
  }

  @Test
  void gitRefWithoutTheContractDirectoryIsRefusedWithGitsMessage() throws Exception {
    Files.writeString(work.resolve("README.md"), "no contract here");
    git(work, "init", "-q");
    git(work, "add", ".");
    git(
        work,
        "-c",
        "user.name=test",
        "-c",
        "user.email=test@example.com",
        "commit",
        "-q",
        "-m",
        "c");

    assertThatThrownBy(() -> ContractLoader.forRepository(work).load("HEAD"))
        .isInstanceOf(ContractUnreadableException.class)
        .hasMessageStartingWith(
            "cannot read 'examples/acme-contract/src/main/proto' at git ref 'HEAD': ")
        .hasMessageContaining("examples/acme-contract/src/main/proto");
  }

  @Test
  void unknownInputIsRefusedNamingIt() {
    assertThatThrownBy(() -> ContractLoader.forRepository(work).load("no-such-branch"))
        .isInstanceOf(ContractUnreadableException.class)
        .hasMessage(
            "'no-such-branch' is neither a descriptor set file, a directory of .proto files nor a"
                + " git ref of "
                + work);
  }

  @Test
  void fileThatIsNoDescriptorSetIsRefused() throws Exception {
    Path file = work.resolve("notes.txt");
    Files.writeString(file, "hello, not a descriptor set");

    assertThatThrownBy(() -> ContractLoader.forRepository(work).load(file.toString()))
        .isInstanceOf(ContractUnreadableException.class)
        .hasMessageStartingWith(file + " is not a binary FileDescriptorSet: ");
  }

  @Test
  void protoFilesThatDoNotCompileAreRefusedWithProtocsMessage() throws Exception {
    Path proto = write(baseFiles(), work.resolve("proto"));
    Path order = proto.resolve("acme/shop/order/v1/order.proto");
    Files.writeString(order, Files.readString(order).replace("int32 quantity = 2;", "int32 = 2;"));

    assertThatThrownBy(() -> ContractLoader.forRepository(work).load("proto"))
        .isInstanceOf(ContractUnreadableException.class)
        .hasMessageContaining("directory " + proto + ": the .proto files under")
        .hasMessageContaining("acme/shop/order/v1/order.proto:23:");
  }

  @Test
  void contractBreakingTheContractRulesIsRefusedWithTheViolation() {
    write(
        java.util.Map.of(
            "acme/shop/order/v1/order.proto",
            baseFiles()
                .get("acme/shop/order/v1/order.proto")
                .replace("id_field: \"order_id\"", "id_field: \"nope\"")),
        work.resolve("proto"));

    assertThatThrownBy(() -> ContractLoader.forRepository(work).load("proto"))
        .isInstanceOf(ContractUnreadableException.class)
        .hasMessageContaining("is not a valid contract: invalid entity contract:")
        .hasMessageContaining("id_field 'nope' names no field of the message");
  }
}
