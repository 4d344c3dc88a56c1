package io.entityflow.contract.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.contract.registry.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtoCompilerTest {

  @Test
  void compilingTheContractSourcesGivesTheSameEntitiesWithLineNumbers() {
    EntityRegistry compiled =
        EntityRegistry.fromDescriptorSet(
            ProtoCompiler.locate().compile(Path.of("../examples/acme-contract/src/main/proto")));

    assertThat(compiled.entities().stream().map(EntityDefinition::topicName))
        .containsExactlyElementsOf(
            EntityRegistry.load().entities().stream().map(EntityDefinition::topicName).toList());
    EntityDefinition sale = compiled.forTopic("sale_v1").orElseThrow();
    assertThat(
            SourceLocation.of(sale.descriptor().findFieldByName("store_id"))
                .orElseThrow()
                .position())
        .isEqualTo("acme/retail/sale/v1/sale.proto:30");
  }

  @Test
  void aFileThatDoesNotCompileIsReportedWithProtocsMessage(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("broken.proto"), "syntax = \"proto3\";\nmessage Broken { strin x = 1; }\n");

    assertThatThrownBy(() -> ProtoCompiler.locate().compile(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "the .proto files under "
                + dir
                + " do not compile:\n"
                + dir
                + "/broken.proto:2:18: \"strin\" is not defined.");
  }

  @Test
  void aDirectoryWithoutOptionsProtoImportsTheJarsCopy(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bookshop/orders/v1/order.proto");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        """
        syntax = "proto3";
        package bookshop.orders.v1;
        import "entityflow/options.proto";
        message Order {
          option (entityflow.entity) = {
            name: "Order" id_field: "order_id" domain: "bookshop" owner: "team-orders"
          };
          string order_id = 1;
        }
        """);

    EntityRegistry registry = EntityRegistry.fromDescriptorSet(ProtoCompiler.locate().compile(dir));

    assertThat(registry.entities())
        .extracting(EntityDefinition::fullName, EntityDefinition::owner)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bookshop.orders.v1.Order", "team-orders"));
  }
}
