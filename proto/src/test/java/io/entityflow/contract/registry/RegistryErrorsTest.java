package io.entityflow.contract.registry;

import static io.entityflow.contract.registry.ContractFixtures.entity;
import static io.entityflow.contract.registry.ContractFixtures.field;
import static io.entityflow.contract.registry.ContractFixtures.file;
import static io.entityflow.contract.registry.ContractFixtures.options;
import static io.entityflow.contract.registry.ContractFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each registry rule refuses a bad contract with a message naming file, message and rule. */
class RegistryErrorsTest {

  private static String only(FileDescriptor... files) {
    ContractException error =
        catchThrowableOfType(
            ContractException.class, () -> EntityRegistry.fromFiles(List.of(files)));
    assertThat(error).as("the contract must be refused").isNotNull();
    assertThat(error.violations()).hasSize(1);
    return error.violations().get(0).toString();
  }

  @Test
  void missingIdFieldOptionIsRefused() {
    FileDescriptor file =
        file(
            "shop/order/v1/order.proto",
            "shop.order.v1",
            entity("Order", options("Order", "")).addField(string("order_id", 1)));

    assertThat(only(file))
        .isEqualTo(
            "shop/order/v1/order.proto: shop.order.v1.Order: [missing-option] (entityflow.entity).id_field"
                + " is not set; allowed: a non-empty value (required: name, id_field, domain, owner)");
  }

  @Test
  void everyMissingOptionIsListedAtOnce() {
    FileDescriptor file =
        file(
            "shop/order/v1/order.proto",
            "shop.order.v1",
            entity("Order", options("", "order_id").setDomain("").setOwner(""))
                .addField(string("order_id", 1)));

    ContractException error =
        catchThrowableOfType(
            ContractException.class, () -> EntityRegistry.fromFiles(List.of(file)));

    assertThat(error.violations())
        .extracting(ContractViolation::rule)
        .containsExactly(
            ContractRule.MISSING_OPTION, ContractRule.MISSING_OPTION, ContractRule.MISSING_OPTION);
    assertThat(error.getMessage())
        .isEqualTo(
            "invalid entity contract, 3 problems:\n"
                + "  shop/order/v1/order.proto: shop.order.v1.Order: [missing-option] (entityflow.entity).name is not set; allowed: a non-empty value (required: name, id_field, domain, owner)\n"
                + "  shop/order/v1/order.proto: shop.order.v1.Order: [missing-option] (entityflow.entity).domain is not set; allowed: a non-empty value (required: name, id_field, domain, owner)\n"
                + "  shop/order/v1/order.proto: shop.order.v1.Order: [missing-option] (entityflow.entity).owner is not set; allowed: a non-empty value (required: name, id_field, domain, owner)");
  }

  @Test
  void idFieldThatNamesNoFieldIsRefusedListingTheFields() {
    FileDescriptor file =
        file(
            "shop/order/v1/order.proto",
            "shop.order.v1",
            entity("Order", options("Order", "id"))
                .addField(string("order_id", 1))
                .addField(string("note", 2)));

    assertThat(only(file))
        .isEqualTo(
            "shop/order/v1/order.proto: shop.order.v1.Order: [missing-id-field] id_field 'id' names no"
                + " field of the message; allowed: one of its top-level fields (order_id, note)");
  }

  @Test
  void messageIdFieldIsRefusedAsNonScalar() {
    DescriptorProto.Builder key =
        DescriptorProto.newBuilder().setName("Key").addField(string("value", 1));
    DescriptorProto.Builder order =
        entity("Order", options("Order", "key"))
            .addNestedType(key)
            .addField(
                field("key", 1, Type.TYPE_MESSAGE).toBuilder()
                    .setTypeName(".shop.order.v1.Order.Key")
                    .build());

    assertThat(only(file("shop/order/v1/order.proto", "shop.order.v1", order)))
        .isEqualTo(
            "shop/order/v1/order.proto: shop.order.v1.Order: [invalid-id-field] id field 'key' is message"
                + " shop.order.v1.Order.Key; allowed: a singular string or integer field (string,"
                + " int32, int64, uint32, uint64, sint32, sint64, fixed32, fixed64, sfixed32, sfixed64)"
                + " outside any oneof");
  }

  @Test
  void repeatedIdFieldIsRefused() {
    DescriptorProto.Builder order =
        entity("Order", options("Order", "ids"))
            .addField(
                string("ids", 1).toBuilder()
                    .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)
                    .build());

    assertThat(only(file("shop/order/v1/order.proto", "shop.order.v1", order)))
        .contains("[invalid-id-field] id field 'ids' is repeated string; allowed:");
  }

  @Test
  void doubleIdFieldIsRefused() {
    DescriptorProto.Builder order =
        entity("Order", options("Order", "amount")).addField(field("amount", 1, Type.TYPE_DOUBLE));

    assertThat(only(file("shop/order/v1/order.proto", "shop.order.v1", order)))
        .contains("[invalid-id-field] id field 'amount' is double; allowed:");
  }

  @Test
  void idFieldInsideAOneofIsRefused() {
    DescriptorProto.Builder order =
        entity("Order", options("Order", "order_id"))
            .addOneofDecl(OneofDescriptorProto.newBuilder().setName("key"))
            .addField(string("order_id", 1).toBuilder().setOneofIndex(0).build())
            .addField(string("legacy_id", 2).toBuilder().setOneofIndex(0).build());

    assertThat(only(file("shop/order/v1/order.proto", "shop.order.v1", order)))
        .contains("[invalid-id-field] id field 'order_id' is string in oneof 'key'; allowed:");
  }

  @Test
  void lowerCaseEntityNameIsRefused() {
    FileDescriptor file =
        file(
            "shop/order/v1/order.proto",
            "shop.order.v1",
            entity("Order", options("order", "order_id")).addField(string("order_id", 1)));

    assertThat(only(file))
        .isEqualTo(
            "shop/order/v1/order.proto: shop.order.v1.Order: [invalid-entity-name] entity name 'order' is"
                + " invalid; allowed: UpperCamelCase letters and digits, starting with a capital"
                + " letter, at most 63 characters (e.g. 'LoyaltyAccrual')");
  }

  @Test
  void domainWithDashIsRefused() {
    FileDescriptor file =
        file(
            "shop/order/v1/order.proto",
            "shop.order.v1",
            entity("Order", options("Order", "order_id").setDomain("web-shop"))
                .addField(string("order_id", 1)));

    assertThat(only(file))
        .isEqualTo(
            "shop/order/v1/order.proto: shop.order.v1.Order: [invalid-domain] domain 'web-shop' is"
                + " invalid; allowed: lower_snake_case letters, digits and underscores, starting with"
                + " a letter, at most 63 characters (it names the BigQuery dataset)");
  }

  @Test
  void packageWithoutMajorVersionIsRefused() {
    FileDescriptor file =
        file(
            "shop/order/order.proto",
            "shop.order",
            entity("Order", options("Order", "order_id")).addField(string("order_id", 1)));

    assertThat(only(file))
        .isEqualTo(
            "shop/order/order.proto: shop.order.Order: [invalid-package] package 'shop.order' has no"
                + " major version; allowed: a package ending in .v<N> with N from 1, e.g."
                + " 'acme.retail.sale.v1'");
  }

  @Test
  void entityOptionOnNestedMessageIsRefused() {
    DescriptorProto.Builder outer =
        DescriptorProto.newBuilder()
            .setName("Outer")
            .addField(string("x", 1))
            .addNestedType(
                entity("Inner", options("Inner", "inner_id")).addField(string("inner_id", 1)));

    assertThat(only(file("shop/order/v1/order.proto", "shop.order.v1", outer)))
        .isEqualTo(
            "shop/order/v1/order.proto: shop.order.v1.Outer.Inner: [nested-entity] the"
                + " (entityflow.entity) option is set on a nested message; allowed: top-level"
                + " messages only");
  }

  @Test
  void sameEntityNameAndMajorInTwoPackagesIsRefused() {
    FileDescriptor first =
        file(
            "shop/order/v1/order.proto",
            "shop.order.v1",
            entity("Order", options("Order", "order_id")).addField(string("order_id", 1)));
    FileDescriptor second =
        file(
            "shop/orders/v1/order.proto",
            "shop.orders.v1",
            entity("Order", options("Order", "order_id")).addField(string("order_id", 1)));

    assertThat(only(first, second))
        .isEqualTo(
            "shop/orders/v1/order.proto: shop.orders.v1.Order: [duplicate-entity] entity name 'Order'"
                + " v1 is already declared by shop.order.v1.Order (shop/order/v1/order.proto);"
                + " allowed: one message per entity name and major version");
  }

  @Test
  void sameEntityNameInTwoMajorVersionsIsAllowed() {
    FileDescriptor v1 =
        file(
            "shop/order/v1/order.proto",
            "shop.order.v1",
            entity("Order", options("Order", "order_id")).addField(string("order_id", 1)));
    FileDescriptor v2 =
        file(
            "shop/order/v2/order.proto",
            "shop.order.v2",
            entity("Order", options("Order", "order_id")).addField(string("order_id", 1)));

    EntityRegistry registry = EntityRegistry.fromFiles(List.of(v1, v2));

    assertThat(registry.entities())
        .extracting(EntityDefinition::topicName)
        .containsExactly("order_v1", "order_v2");
  }

  @Test
  void namesWithTheSameSnakeCaseAreRefusedAsDuplicateTopics() {
    FileDescriptor file =
        file(
            "shop/log/v1/log.proto",
            "shop.log.v1",
            entity("HttpLog", options("HttpLog", "log_id")).addField(string("log_id", 1)),
            entity("HTTPLog", options("HTTPLog", "log_id")).addField(string("log_id", 1)));

    assertThat(only(file))
        .isEqualTo(
            "shop/log/v1/log.proto: shop.log.v1.HTTPLog: [duplicate-topic] topic and table name"
                + " 'http_log_v1' of entity 'HTTPLog' is already used by entity 'HttpLog'"
                + " (shop.log.v1.HttpLog); allowed: entity names whose snake_case forms differ");
  }

  @Test
  void fieldNamedLikeAMetadataColumnIsRefused() {
    FileDescriptor file =
        file(
            "shop/order/v1/order.proto",
            "shop.order.v1",
            entity("Order", options("Order", "order_id"))
                .addField(string("order_id", 1))
                .addField(string("operation", 2)));

    assertThat(only(file))
        .isEqualTo(
            "shop/order/v1/order.proto: shop.order.v1.Order: [reserved-column] field 'operation' uses a"
                + " reserved column name; allowed: any name except the metadata columns (event_id,"
                + " operation, occurred_at, publish_time, producer, schema_version, message_id,"
                + " ingestion_time, trace_id) and BigQuery's reserved prefixes (_TABLE_, _FILE_, _PARTITION,"
                + " _ROW_TIMESTAMP, __ROOT__, _COLLATION_, _CHANGE_)");
  }

  @Test
  void fieldWithAReservedBigQueryPrefixIsRefused() {
    FileDescriptor file =
        file(
            "shop/order/v1/order.proto",
            "shop.order.v1",
            entity("Order", options("Order", "order_id"))
                .addField(string("order_id", 1))
                .addField(string("_partition_hint", 2)));

    assertThat(only(file))
        .contains("[reserved-column] field '_partition_hint' uses a reserved column name");
  }

  @Test
  void nestedFieldNamedFIsRefusedBecauseTableRowReservesIt() {
    DescriptorProto.Builder order =
        entity("Order", options("Order", "order_id"))
            .addNestedType(DescriptorProto.newBuilder().setName("Flag").addField(string("f", 1)))
            .addField(string("order_id", 1))
            .addField(
                field("flag", 2, Type.TYPE_MESSAGE).toBuilder()
                    .setTypeName(".shop.order.v1.Order.Flag")
                    .build());

    assertThat(only(file("shop/order/v1/order.proto", "shop.order.v1", order)))
        .isEqualTo(
            "shop/order/v1/order.proto: shop.order.v1.Order: [reserved-column] field 'f' of"
                + " shop.order.v1.Order.Flag uses a reserved column name; allowed: any other name"
                + " (Beam's TableRow, which carries rows to BigQuery, reserves 'f')");
  }

  @Test
  void fieldsDifferingOnlyInCaseAreRefused() {
    FileDescriptor file =
        file(
            "shop/order/v1/order.proto",
            "shop.order.v1",
            entity("Order", options("Order", "order_id"))
                .addField(string("order_id", 1))
                .addField(string("note", 2).toBuilder().setJsonName("noteA").build())
                .addField(string("Note", 3).toBuilder().setJsonName("noteB").build()));

    assertThat(only(file))
        .isEqualTo(
            "shop/order/v1/order.proto: shop.order.v1.Order: [column-name-clash] fields 'note' and"
                + " 'Note' of shop.order.v1.Order differ only in case; allowed: names that differ"
                + " ignoring case (BigQuery column names are case-insensitive)");
  }

  @Test
  void recursiveEntityIsRefusedAtLoad() {
    DescriptorProto.Builder node =
        entity("Node", options("Node", "node_id"))
            .addField(string("node_id", 1))
            .addField(
                field("parent", 2, Type.TYPE_MESSAGE).toBuilder()
                    .setTypeName(".shop.tree.v1.Node")
                    .build());

    assertThat(only(file("shop/tree/v1/node.proto", "shop.tree.v1", node)))
        .startsWith(
            "shop/tree/v1/node.proto: shop.tree.v1.Node: [recursive-message] field"
                + " 'shop.tree.v1.Node.parent' makes shop.tree.v1.Node contain itself");
  }

  @Test
  void unknownMessageTypeIsRefusedNamingTheEntities() {
    EntityRegistry registry = EntityRegistry.load();

    assertThatThrownBy(() -> registry.require(com.google.protobuf.Timestamp.getDescriptor()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "message type 'google.protobuf.Timestamp' is not an entity of the contract; entities:"
                + " acme.energy.installation.v1.Installation, acme.energy.meter.v1.MeterReading,"
                + " acme.energy.user.v1.User, acme.retail.customer.v1.Customer,"
                + " acme.retail.loyalty.v1.LoyaltyMembership, acme.retail.loyalty.v1.LoyaltyAccrual,"
                + " acme.retail.sale.v1.Sale, acme.telco.cdr.v1.CallRecord");
  }
}
