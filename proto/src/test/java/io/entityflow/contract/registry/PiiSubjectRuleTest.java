package io.entityflow.contract.registry;

import static io.entityflow.contract.registry.ContractFixtures.entity;
import static io.entityflow.contract.registry.ContractFixtures.field;
import static io.entityflow.contract.registry.ContractFixtures.file;
import static io.entityflow.contract.registry.ContractFixtures.options;
import static io.entityflow.contract.registry.ContractFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.acme.retail.sale.v1.CardPayment;
import com.acme.retail.sale.v1.Sale;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.entityflow.contract.options.EntityflowOptionsProto;
import io.entityflow.contract.options.Sensitivity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code pii-subject} rule and the subject of each sample entity. */
class PiiSubjectRuleTest {
  private static final String ALLOWED =
      "allowed: a singular top-level string or integer field (string, int32, int64, uint32,"
          + " uint64, sint32, sint64, fixed32, fixed64, sfixed32, sfixed64) that is not marked PII";

  private static FieldDescriptorProto pii(FieldDescriptorProto field) {
    return field.toBuilder()
        .setOptions(
            FieldOptions.newBuilder()
                .setExtension(EntityflowOptionsProto.sensitivity, Sensitivity.PII))
        .build();
  }

  private static String only(FileDescriptor file) {
    ContractException error =
        catchThrowableOfType(
            ContractException.class, () -> EntityRegistry.fromFiles(List.of(file)));
    assertThat(error).as("the contract must be refused").isNotNull();
    assertThat(error.violations()).hasSize(1);
    assertThat(error.violations().get(0).rule()).isEqualTo(ContractRule.PII_SUBJECT);
    return error.violations().get(0).toString();
  }

  private static EntityDefinition load(DescriptorProto.Builder... messages) {
    return EntityRegistry.fromFiles(
            List.of(file("shop/order/v1/order.proto", "shop.order.v1", messages)))
        .entities()
        .get(0);
  }

  @Test
  void subjectFieldThatNamesNoFieldIsRefusedListingTheCandidates() {
    DescriptorProto.Builder order =
        entity("Order", options("Order", "order_id").setPiiSubjectField("client_id"))
            .addField(string("order_id", 1))
            .addField(string("buyer_id", 2))
            .addField(pii(string("buyer_email", 3)))
            .addField(field("amount", 4, Type.TYPE_DOUBLE));

    assertThat(only(file("shop/order/v1/order.proto", "shop.order.v1", order)))
        .isEqualTo(
            "shop/order/v1/order.proto: shop.order.v1.Order: [pii-subject] pii_subject_field"
                + " 'client_id' names no top-level field of the message; "
                + ALLOWED
                + " (candidates: order_id, buyer_id)");
  }

  @Test
  void dottedSubjectFieldIsRefusedAsNotTopLevel() {
    DescriptorProto.Builder buyer =
        DescriptorProto.newBuilder().setName("Buyer").addField(string("id", 1));
    DescriptorProto.Builder order =
        entity("Order", options("Order", "order_id").setPiiSubjectField("buyer.id"))
            .addNestedType(buyer)
            .addField(string("order_id", 1))
            .addField(
                field("buyer", 2, Type.TYPE_MESSAGE).toBuilder()
                    .setTypeName(".shop.order.v1.Order.Buyer")
                    .build())
            .addField(pii(string("buyer_email", 3)));

    assertThat(only(file("shop/order/v1/order.proto", "shop.order.v1", order)))
        .isEqualTo(
            "shop/order/v1/order.proto: shop.order.v1.Order: [pii-subject] pii_subject_field"
                + " 'buyer.id' names no top-level field of the message; "
                + ALLOWED
                + " (candidates: order_id)");
  }

  @Test
  void subjectFieldMarkedPiiIsRefused() {
    DescriptorProto.Builder order =
        entity("Order", options("Order", "order_id").setPiiSubjectField("buyer_email"))
            .addField(string("order_id", 1))
            .addField(pii(string("buyer_email", 2)));

    assertThat(only(file("shop/order/v1/order.proto", "shop.order.v1", order)))
        .isEqualTo(
            "shop/order/v1/order.proto: shop.order.v1.Order: [pii-subject] pii_subject_field"
                + " 'buyer_email' is marked PII (the subject id stays in clear: it names the"
                + " subject's key); "
                + ALLOWED
                + " (candidates: order_id)");
  }

  @Test
  void idFieldMarkedPiiIsRefusedAsTheDefaultSubject() {
    DescriptorProto.Builder account =
        entity("Account", options("Account", "email")).addField(pii(string("email", 1)));

    assertThat(only(file("shop/account/v1/account.proto", "shop.account.v1", account)))
        .isEqualTo(
            "shop/account/v1/account.proto: shop.account.v1.Account: [pii-subject] the PII subject"
                + " (id field 'email', as pii_subject_field is not set) is marked PII (the subject"
                + " id stays in clear: it names the subject's key); "
                + ALLOWED
                + " (the message has none)");
  }

  @Test
  void repeatedSubjectFieldIsRefused() {
    DescriptorProto.Builder order =
        entity("Order", options("Order", "order_id").setPiiSubjectField("buyer_ids"))
            .addField(string("order_id", 1))
            .addField(
                string("buyer_ids", 2).toBuilder()
                    .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)
                    .build())
            .addField(pii(string("buyer_email", 3)));

    assertThat(only(file("shop/order/v1/order.proto", "shop.order.v1", order)))
        .isEqualTo(
            "shop/order/v1/order.proto: shop.order.v1.Order: [pii-subject] pii_subject_field"
                + " 'buyer_ids' is repeated string; "
                + ALLOWED
                + " (candidates: order_id)");
  }

  @Test
  void doubleSubjectFieldIsRefused() {
    DescriptorProto.Builder order =
        entity("Order", options("Order", "order_id").setPiiSubjectField("amount"))
            .addField(string("order_id", 1))
            .addField(field("amount", 2, Type.TYPE_DOUBLE))
            .addField(pii(string("buyer_email", 3)));

    assertThat(only(file("shop/order/v1/order.proto", "shop.order.v1", order)))
        .contains("[pii-subject] pii_subject_field 'amount' is double; allowed:");
  }

  @Test
  void piiInANestedMessageNeedsAValidSubjectToo() {
    DescriptorProto.Builder contact =
        DescriptorProto.newBuilder().setName("Contact").addField(pii(string("phone", 1)));
    DescriptorProto.Builder order =
        entity("Order", options("Order", "order_id").setPiiSubjectField("buyer"))
            .addNestedType(contact)
            .addField(string("order_id", 1))
            .addField(
                field("contact", 2, Type.TYPE_MESSAGE).toBuilder()
                    .setTypeName(".shop.order.v1.Order.Contact")
                    .build());

    assertThat(only(file("shop/order/v1/order.proto", "shop.order.v1", order)))
        .contains("[pii-subject] pii_subject_field 'buyer' names no top-level field");
  }

  @Test
  void entityWhoseDefaultSubjectIsItsIdLoads() {
    EntityDefinition account =
        load(
            entity("Account", options("Account", "account_id"))
                .addField(field("account_id", 1, Type.TYPE_UINT64))
                .addField(pii(string("email", 2))));

    assertThat(account.hasPii()).isTrue();
    assertThat(account.piiSubjectField()).map(FieldDescriptor::getName).contains("account_id");
  }

  @Test
  void entityWithoutPiiHasNoSubject() {
    EntityDefinition order =
        load(entity("Order", options("Order", "order_id")).addField(string("order_id", 1)));

    assertThat(order.hasPii()).isFalse();
    assertThat(order.piiSubjectField()).isEmpty();
    assertThatThrownBy(
            () -> order.piiSubjectOf(DynamicMessage.getDefaultInstance(order.descriptor())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("entity Order has no PII field, so no PII subject");
  }

  @Test
  void sampleEntitiesNameTheirSubjects() {
    EntityRegistry registry = EntityRegistry.load();

    assertThat(
            registry.entities().stream()
                .map(
                    e ->
                        e.name()
                            + " "
                            + e.piiSubjectField().map(FieldDescriptor::getName).orElse("-")))
        .containsExactly(
            "Installation -",
            "MeterReading -",
            "User user_id",
            "Customer customer_id",
            "LoyaltyMembership customer_id",
            "LoyaltyAccrual -",
            "Sale customer_id",
            "CallRecord record_id");
  }

  @Test
  void subjectOfASaleIsItsCustomerAndEmptyForAnAnonymousSale() {
    EntityDefinition sale = EntityRegistry.load().require(Sale.getDescriptor());
    Sale anonymous =
        Sale.newBuilder()
            .setSaleId("s-1")
            .setCard(CardPayment.newBuilder().setCardholderName("Ada Lovelace"))
            .build();

    assertThat(sale.piiSubjectOf(anonymous.toBuilder().setCustomerId("c-42").build()))
        .isEqualTo("c-42");
    assertThat(sale.piiSubjectOf(anonymous)).isEmpty();
  }
}
