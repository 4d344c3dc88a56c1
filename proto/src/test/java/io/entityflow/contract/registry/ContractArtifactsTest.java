package io.entityflow.contract.registry;

import static io.entityflow.contract.registry.ContractFixtures.entity;
import static io.entityflow.contract.registry.ContractFixtures.options;
import static io.entityflow.contract.registry.ContractFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import io.entityflow.contract.options.EntityflowOptionsProto;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several contract artifacts on one classpath: each a jar holding {@code entityflow/contract.desc},
 * loaded through a class loader that sees only them.
 */
class ContractArtifactsTest {
  private static final FileDescriptorProto DESCRIPTOR = DescriptorProtos.getDescriptor().toProto();
  private static final FileDescriptorProto OPTIONS =
      EntityflowOptionsProto.getDescriptor().toProto();
  private static final FileDescriptorProto MONEY =
      FileDescriptorProto.newBuilder()
          .setName("shared/common/v1/money.proto")
          .setPackage("shared.common.v1")
          .setSyntax("proto3")
          .addMessageType(
              DescriptorProto.newBuilder()
                  .setName("Money")
                  .addField(string("currency", 1))
                  .addField(
                      ContractFixtures.field("units", 2, FieldDescriptorProto.Type.TYPE_INT64)))
          .build();

  @TempDir Path dir;

  @Test
  void twoArtifactsSharingOptionsAndACommonFileMergeIntoTheUnionOfTheirEntities()
      throws IOException {
    FileDescriptorProto moneyWithComments =
        MONEY.toBuilder()
            .setSourceCodeInfo(
                SourceCodeInfo.newBuilder()
                    .addLocation(
                        SourceCodeInfo.Location.newBuilder()
                            .addPath(4)
                            .addPath(0)
                            .addSpan(3)
                            .addSpan(0)
                            .addSpan(9)
                            .setLeadingComments(" An amount of money.\n")))
            .build();
    Path bookshop =
        artifact(
            "bookshop.jar",
            DESCRIPTOR,
            OPTIONS,
            MONEY,
            entityFile("bookshop/orders/v1/order.proto", "bookshop.orders.v1", "Order", "Order"));
    Path warehouse =
        artifact(
            "warehouse.jar",
            DESCRIPTOR,
            OPTIONS,
            moneyWithComments,
            entityFile(
                "warehouse/shipping/v1/shipment.proto",
                "warehouse.shipping.v1",
                "Shipment",
                "Shipment"));

    try (URLClassLoader loader = loaderOf(bookshop, warehouse)) {
      EntityRegistry registry = EntityRegistry.load(loader);

      assertThat(registry.entities())
          .extracting(EntityDefinition::fullName, EntityDefinition::topicName)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("bookshop.orders.v1.Order", "order_v1"),
              org.assertj.core.groups.Tuple.tuple("warehouse.shipping.v1.Shipment", "shipment_v1"));
      assertThat(ContractArtifacts.merge(loader).getFileList())
          .extracting(FileDescriptorProto::getName)
          .containsExactly(
              "google/protobuf/descriptor.proto",
              "entityflow/options.proto",
              "shared/common/v1/money.proto",
              "bookshop/orders/v1/order.proto",
              "warehouse/shipping/v1/shipment.proto");
    }
  }

  @Test
  void theSameEntityInTwoArtifactsIsRefusedAsDuplicateEntity() throws IOException {
    Path bookshop =
        artifact(
            "bookshop.jar",
            OPTIONS,
            entityFile("bookshop/orders/v1/order.proto", "bookshop.orders.v1", "Order", "Order"));
    Path warehouse =
        artifact(
            "warehouse.jar",
            OPTIONS,
            entityFile("warehouse/orders/v1/order.proto", "warehouse.orders.v1", "Order", "Order"));

    try (URLClassLoader loader = loaderOf(bookshop, warehouse)) {
      assertThatThrownBy(() -> EntityRegistry.load(loader))
          .isInstanceOf(ContractException.class)
          .hasMessage(
              "invalid entity contract: warehouse/orders/v1/order.proto:"
                  + " warehouse.orders.v1.Order: [duplicate-entity] entity name 'Order' v1 is"
                  + " already declared by bookshop.orders.v1.Order"
                  + " (bookshop/orders/v1/order.proto); allowed: one message per entity name and"
                  + " major version");
    }
  }

  @Test
  void entitiesOfTwoArtifactsWithTheSameTopicAreRefusedAsDuplicateTopic() throws IOException {
    Path web =
        artifact(
            "web.jar",
            OPTIONS,
            entityFile("web/logs/v1/http_log.proto", "web.logs.v1", "HttpLog", "HttpLog"));
    Path edge =
        artifact(
            "edge.jar",
            OPTIONS,
            entityFile("edge/logs/v1/http_log.proto", "edge.logs.v1", "HTTPLog", "HTTPLog"));

    try (URLClassLoader loader = loaderOf(web, edge)) {
      ContractException error =
          catchThrowableOfType(ContractException.class, () -> EntityRegistry.load(loader));

      assertThat(error.violations())
          .extracting(ContractViolation::toString)
          .containsExactly(
              "web/logs/v1/http_log.proto: web.logs.v1.HttpLog: [duplicate-topic] topic and"
                  + " table name 'http_log_v1' of entity 'HttpLog' is already used by entity"
                  + " 'HTTPLog' (edge.logs.v1.HTTPLog); allowed: entity names whose snake_case"
                  + " forms differ");
    }
  }

  @Test
  void theSameFileNameWithDifferentContentIsRefusedNamingBothArtifacts() throws IOException {
    FileDescriptorProto otherMoney =
        MONEY.toBuilder()
            .setMessageType(0, MONEY.getMessageType(0).toBuilder().addField(string("note", 3)))
            .build();
    Path bookshop = artifact("bookshop.jar", OPTIONS, MONEY);
    Path warehouse = artifact("warehouse.jar", OPTIONS, otherMoney);

    try (URLClassLoader loader = loaderOf(bookshop, warehouse)) {
      assertThatThrownBy(() -> EntityRegistry.load(loader))
          .isInstanceOf(ContractException.class)
          .hasMessage(
              "invalid entity contract: shared/common/v1/money.proto: shared.common.v1:"
                  + " [conflicting-file] file 'shared/common/v1/money.proto' differs between "
                  + resourceIn(bookshop)
                  + " and "
                  + resourceIn(warehouse)
                  + "; allowed: the same file name in several contract artifacts only with"
                  + " identical declarations (take shared files from one artifact both depend on,"
                  + " or give each artifact's files paths of their own)");
    }
  }

  @Test
  void optionsFromAnotherEntityflowVersionAreNoConflict() throws IOException {
    FileDescriptorProto newerOptions =
        OPTIONS.toBuilder().addMessageType(DescriptorProto.newBuilder().setName("Future")).build();
    Path bookshop =
        artifact(
            "bookshop.jar",
            OPTIONS,
            entityFile("bookshop/orders/v1/order.proto", "bookshop.orders.v1", "Order", "Order"));
    Path warehouse =
        artifact(
            "warehouse.jar",
            newerOptions,
            entityFile(
                "warehouse/shipping/v1/shipment.proto",
                "warehouse.shipping.v1",
                "Shipment",
                "Shipment"));

    try (URLClassLoader loader = loaderOf(bookshop, warehouse)) {
      assertThat(EntityRegistry.load(loader).entities())
          .extracting(EntityDefinition::fullName)
          .containsExactly("bookshop.orders.v1.Order", "warehouse.shipping.v1.Shipment");
    }
  }

  @Test
  void noContractArtifactIsAnErrorNamingTheResourceAndHowToAddOne() throws IOException {
    try (URLClassLoader loader = loaderOf(Files.createDirectories(dir.resolve("empty")))) {
      assertThatThrownBy(() -> EntityRegistry.load(loader))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "no contract on the classpath: no resource entityflow/contract.desc was found; add"
                  + " a contract artifact as a dependency (a jar with the generated classes and"
                  + " the descriptor set with imports at entityflow/contract.desc, e.g."
                  + " examples/acme-contract or your own contract built like it, see proto/README.md),"
                  + " or give the contract explicitly with --contract <descriptor set|dir of"
                  + " .proto>");
    }
  }

  @Test
  void anArtifactInADirectoryIsFoundToo() throws IOException {
    Path classes = dir.resolve("classes");
    Path resource = classes.resolve(EntityRegistry.CONTRACT_RESOURCE);
    Files.createDirectories(resource.getParent());
    Files.write(
        resource,
        set(
                OPTIONS,
                entityFile(
                    "bookshop/orders/v1/order.proto", "bookshop.orders.v1", "Order", "Order"))
            .toByteArray());

    try (URLClassLoader loader = loaderOf(classes)) {
      assertThat(EntityRegistry.load(loader).entities())
          .extracting(EntityDefinition::fullName)
          .containsExactly("bookshop.orders.v1.Order");
    }
  }

  private static FileDescriptorProto entityFile(
      String fileName, String protoPackage, String message, String entityName) {
    return FileDescriptorProto.newBuilder()
        .setName(fileName)
        .setPackage(protoPackage)
        .setSyntax("proto3")
        .addDependency("entityflow/options.proto")
        .addMessageType(
            entity(message, options(entityName, "id")).addField(string("id", 1)).build())
        .build();
  }

  private static FileDescriptorSet set(FileDescriptorProto... files) {
    return FileDescriptorSet.newBuilder().addAllFile(java.util.List.of(files)).build();
  }

  private Path artifact(String jarName, FileDescriptorProto... files) throws IOException {
    Path jar = dir.resolve(jarName);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry(EntityRegistry.CONTRACT_RESOURCE));
      set(files).writeTo(out);
      out.closeEntry();
    }
    return jar;
  }

  private static String resourceIn(Path jar) throws IOException {
    return "jar:" + jar.toUri().toURL() + "!/" + EntityRegistry.CONTRACT_RESOURCE;
  }

  /** A class loader seeing only the given jars and directories (no parent resources). */
  private static URLClassLoader loaderOf(Path... entries) throws IOException {
    URL[] urls = new URL[entries.length];
    for (int i = 0; i < entries.length; i++) {
      urls[i] = entries[i].toUri().toURL();
    }
    return new URLClassLoader(urls, null);
  }
}
