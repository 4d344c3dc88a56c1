package io.entityflow.publisher.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.retail.sale.v1.Sale;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Timestamp;
import io.entityflow.contract.Operation;
import io.entityflow.contract.options.EntityOptions;
import io.entityflow.contract.options.EntityflowOptionsProto;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.InvalidEventException;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.publisher.fixtures.Sales;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventValidatorTest {
  private static final EntityRegistry REGISTRY = EntityRegistry.load();
  private final EventValidator validator = new EventValidator(REGISTRY);

  @Test
  void validSaleReturnsItsEntityAndId() {
    ValidatedEvent valid =
        validator.validate(PublishRequest.of(Sales.sale("s-1"), Operation.CREATED));
    assertThat(valid.entity().name()).isEqualTo("Sale");
    assertThat(valid.id()).isEqualTo("s-1");
  }

  @Test
  void messageThatIsNoEntityIsRefusedNamingTheEntities() {
    assertThatThrownBy(
            () ->
                validator.validate(
                    PublishRequest.of(Timestamp.getDefaultInstance(), Operation.CREATED)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith(
            "invalid google.protobuf.Timestamp event: message type: is not an entity of the"
                + " contract; entities: ")
        .hasMessageContaining("acme.retail.sale.v1.Sale")
        .hasMessageEndingWith("; nothing was published");
  }

  @Test
  void missingIdIsRefusedNamingEntityFieldAndRule() {
    InvalidEventException e =
        catchInvalid(
            PublishRequest.of(Sale.newBuilder().setStoreId("st-1").build(), Operation.CREATED));
    assertThat(e.entity()).isEqualTo("Sale");
    assertThat(e.field()).isEqualTo("sale_id");
    assertThat(e.getMessage())
        .isEqualTo(
            "invalid Sale event: sale_id: the id must be set: a non-empty string or a number other"
                + " than 0; nothing was published");
  }

  @Test
  void missingOperationIsRefused() {
    assertThat(catchInvalid(PublishRequest.of(Sales.sale("s-1"), null)).getMessage())
        .isEqualTo(
            "invalid Sale event: operation: an operation is required (CREATED, UPDATED, DELETED,"
                + " SNAPSHOT); nothing was published");
  }

  @Test
  void eventIdThatIsNoUuidIsRefusedNamingTheValue() {
    assertThat(
            catchInvalid(
                    PublishRequest.of(Sales.sale("s-1"), Operation.CREATED).withEventId("order-17"))
                .getMessage())
        .isEqualTo(
            "invalid Sale event: event_id: 'order-17' is not a UUID; expected 36 characters like"
                + " 0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11; nothing was published");
  }

  @Test
  void shortenedUuidIsRefused() {
    // UUID.fromString accepts "1-2-3-4-5"; the contract wants the canonical 36-character form
    assertThat(
            catchInvalid(
                    PublishRequest.of(Sales.sale("s-1"), Operation.CREATED)
                        .withEventId("1-2-3-4-5"))
                .field())
        .isEqualTo("event_id");
  }

  @Test
  void reservedAttributeNameIsRefused() {
    assertThat(catchInvalid(withAttributes(Map.of("operation", "DELETED"))).getMessage())
        .isEqualTo(
            "invalid Sale event: attribute 'operation': 'DELETED' is not allowed: the name is"
                + " reserved for the contract's own attributes (event_id, operation, occurred_at,"
                + " producer, schema, schema_version, replayed_at, pii_encryption), which the"
                + " publisher sets from the publish arguments and the contract; allowed: any other"
                + " name; nothing was published");
  }

  @Test
  void piiEncryptionAsAnExtraAttributeIsRefusedNamingItsValue() {
    // set by the publisher itself when it encrypts; a producer setting it on a clear payload
    // would make readers take clear bytes for ciphertext
    assertThat(catchInvalid(withAttributes(Map.of("pii_encryption", "tink-aead-v1"))).getMessage())
        .isEqualTo(
            "invalid Sale event: attribute 'pii_encryption': 'tink-aead-v1' is not allowed: the"
                + " name is reserved for the contract's own attributes (event_id, operation,"
                + " occurred_at, producer, schema, schema_version, replayed_at, pii_encryption),"
                + " which the publisher sets from the publish arguments and the contract; allowed:"
                + " any other name; nothing was published");
  }

  @Test
  void attributeKeyStartingWithGoogIsRefused() {
    assertThat(catchInvalid(withAttributes(Map.of("googTrace", "x"))).getMessage())
        .isEqualTo(
            "invalid Sale event: attribute 'googTrace': a key may not start with 'goog' (reserved by"
                + " Pub/Sub); nothing was published");
  }

  @Test
  void attributeKeyLongerThan256BytesIsRefused() {
    String key = "k".repeat(257);
    InvalidEventException e = catchInvalid(withAttributes(Map.of(key, "v")));
    assertThat(e.field()).isEqualTo("attribute '" + "k".repeat(32) + "...'");
    assertThat(e.rule()).isEqualTo("a key may have at most 256 UTF-8 bytes, got 257");
  }

  @Test
  void attributeValueLongerThan1024BytesIsRefusedCountingUtf8Bytes() {
    String value = "é".repeat(513); // 1026 bytes in UTF-8
    InvalidEventException e = catchInvalid(withAttributes(Map.of("note", value)));
    assertThat(e.rule()).isEqualTo("a value may have at most 1024 UTF-8 bytes, got 1026");
  }

  @Test
  void attributesAtTheLimitsAreAccepted() {
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < AttributeRules.MAX_EXTRA - 1; i++) {
      attributes.put("a" + i, "v");
    }
    attributes.put("k".repeat(256), "v".repeat(1024));
    assertThat(validator.validate(withAttributes(attributes)).entity().name()).isEqualTo("Sale");
  }

  @Test
  void moreThan94ExtraAttributesAreRefused() {
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < 95; i++) {
      attributes.put("a" + i, "v");
    }
    assertThat(catchInvalid(withAttributes(attributes)).getMessage())
        .isEqualTo(
            "invalid Sale event: attributes: 95 extra attributes given; at most 94 fit next to the 6"
                + " contract attributes (Pub/Sub allows 100); nothing was published");
  }

  @Test
  void uninitializedMessageIsRefusedNamingTheMissingField() throws Exception {
    Descriptor type = proto2EntityWithRequiredField();
    EventValidator proto2Validator =
        new EventValidator(EntityRegistry.fromFiles(List.of(type.getFile())));
    DynamicMessage message =
        DynamicMessage.newBuilder(type)
            .setField(type.findFieldByName("order_id"), "o-1")
            .buildPartial();
    assertThatThrownBy(
            () -> proto2Validator.validate(PublishRequest.of(message, Operation.CREATED)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage(
            "invalid Order event: amount: required field is not set (message is not initialized);"
                + " nothing was published");
  }

  private static Descriptor proto2EntityWithRequiredField() throws Exception {
    EntityOptions options =
        EntityOptions.newBuilder()
            .setName("Order")
            .setIdField("order_id")
            .setDomain("shop")
            .setOwner("team-shop")
            .build();
    DescriptorProto order =
        DescriptorProto.newBuilder()
            .setName("Order")
            .setOptions(
                MessageOptions.newBuilder().setExtension(EntityflowOptionsProto.entity, options))
            .addField(field("order_id", 1, FieldDescriptorProto.Label.LABEL_OPTIONAL))
            .addField(field("amount", 2, FieldDescriptorProto.Label.LABEL_REQUIRED))
            .build();
    FileDescriptorProto file =
        FileDescriptorProto.newBuilder()
            .setName("shop/order/v1/order.proto")
            .setPackage("shop.order.v1")
            .setSyntax("proto2")
            .addDependency("entityflow/options.proto")
            .addMessageType(order)
            .build();
    return FileDescriptor.buildFrom(
            file, new FileDescriptor[] {EntityflowOptionsProto.getDescriptor()})
        .findMessageTypeByName("Order");
  }

  private static FieldDescriptorProto field(
      String name, int number, FieldDescriptorProto.Label label) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setType(FieldDescriptorProto.Type.TYPE_STRING)
        .setLabel(label)
        .build();
  }

  private static PublishRequest withAttributes(Map<String, String> attributes) {
    return PublishRequest.of(Sales.sale("s-1"), Operation.CREATED).withAttributes(attributes);
  }

  private InvalidEventException catchInvalid(PublishRequest request) {
    try {
      validator.validate(request);
    } catch (InvalidEventException e) {
      return e;
    }
    throw new AssertionError("expected the request to be refused");
  }
}
