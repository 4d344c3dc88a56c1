package io.entityflow.contract.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.energy.user.v1.User;
import com.acme.retail.sale.v1.CardPayment;
import com.acme.retail.sale.v1.Sale;
import io.entityflow.contract.options.Sensitivity;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EntityRegistryTest {
  private final EntityRegistry registry = EntityRegistry.load();

  @Test
  void listsEveryEntityOfTheCompiledContractWithTopicDatasetIdAndVersion() {
    assertThat(
            registry.entities().stream()
                .map(
                    e ->
                        e.name()
                            + " "
                            + e.dataset()
                            + "."
                            + e.topicName()
                            + " id="
                            + e.idField().getName()
                            + " v"
                            + e.schemaVersion()
                            + " owner="
                            + e.owner()))
        .containsExactly(
            "Installation energy.installation_v1 id=installation_id v1.0 owner=team-energy-assets",
            "MeterReading energy.meter_reading_v1 id=reading_id v1.0 owner=team-energy-data",
            "User energy.user_v1 id=user_id v1.0 owner=team-energy-accounts",
            "Customer retail.customer_v1 id=customer_id v1.0 owner=team-crm",
            "LoyaltyMembership retail.loyalty_membership_v1 id=membership_id v1.0 owner=team-loyalty",
            "LoyaltyAccrual retail.loyalty_accrual_v1 id=accrual_id v1.0 owner=team-loyalty",
            "Sale retail.sale_v1 id=sale_id v1.0 owner=team-checkout",
            "CallRecord telco.call_record_v1 id=record_id v1.0 owner=team-billing");
  }

  @Test
  void topicAndTableNamesAreIdentical() {
    registry.entities().forEach(e -> assertThat(e.tableName()).isEqualTo(e.topicName()));
  }

  @Test
  void findsEntitiesByGeneratedClassFullNameAndTopic() {
    EntityDefinition sale = registry.require(Sale.getDescriptor());

    assertThat(sale.fullName()).isEqualTo("acme.retail.sale.v1.Sale");
    assertThat(sale.file()).isEqualTo("acme/retail/sale/v1/sale.proto");
    assertThat(registry.forTopic("sale_v1")).containsSame(sale);
    assertThat(registry.find("acme.retail.sale.v1.Sale")).containsSame(sale);
    assertThat(registry.forTopic("sale_v2")).isEmpty();
    assertThat(sale.description())
        .isEqualTo("Every sale at a till or in the web shop, with line items and payment.");
  }

  @Test
  void idOfAStringIdIsTheString() {
    EntityDefinition sale = registry.require(Sale.getDescriptor());

    assertThat(sale.idOf(Sale.newBuilder().setSaleId("s-1001").build())).isEqualTo("s-1001");
  }

  @Test
  void idOfAnUnsignedIdAboveTheSignedRangeIsItsUnsignedDecimal() {
    EntityDefinition user = registry.require(User.getDescriptor());

    assertThat(user.idOf(User.newBuilder().setUserId(-1L).build()))
        .isEqualTo("18446744073709551615");
  }

  @Test
  void emptyIdIsRefusedNamingEntityAndField() {
    EntityDefinition sale = registry.require(Sale.getDescriptor());

    assertThat(sale.hasId(Sale.getDefaultInstance())).isFalse();
    assertThatThrownBy(() -> sale.idOf(Sale.getDefaultInstance()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "entity Sale: id field 'sale_id' is not set; every event needs a non-empty id (a string,"
                + " or a number other than 0)");
  }

  @Test
  void idOfAnotherMessageTypeIsRefused() {
    EntityDefinition sale = registry.require(Sale.getDescriptor());

    assertThatThrownBy(() -> sale.idOf(User.newBuilder().setUserId(7).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "entity Sale expects a acme.retail.sale.v1.Sale message, got acme.energy.user.v1.User");
  }

  @Test
  void orderingKeyIsTheFnvBucketOfTheId() {
    EntityDefinition sale = registry.require(Sale.getDescriptor());
    Sale message = Sale.newBuilder().setSaleId("s-1001").build();

    assertThat(sale.orderingKeyBuckets()).isEqualTo(64);
    assertThat(sale.orderingKeyOf(message))
        .isEqualTo(
            Long.toString(
                Integer.toUnsignedLong(io.entityflow.contract.OrderingKey.fnv1a32("s-1001")) % 64));
  }

  @Test
  void sensitivitiesCoverNestedFieldsWithInternalAsDefault() {
    EntityDefinition sale = registry.require(Sale.getDescriptor());
    Map<String, Sensitivity> nonInternal =
        sale.sensitivities().entrySet().stream()
            .filter(e -> e.getValue() != Sensitivity.INTERNAL)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    assertThat(nonInternal)
        .containsOnly(
            Map.entry("card.last4", Sensitivity.CONFIDENTIAL),
            Map.entry("card.cardholder_name", Sensitivity.PII));
    assertThat(sale.sensitivities()).containsEntry("sale_id", Sensitivity.INTERNAL);
    assertThat(FieldSensitivity.of(CardPayment.getDescriptor().findFieldByName("cardholder_name")))
        .isEqualTo(Sensitivity.PII);
  }

  @Test
  void sampleContractUsesEveryPiiDeclarationExpected() {
    assertThat(
            registry.entities().stream()
                .flatMap(
                    e ->
                        e.sensitivities().entrySet().stream()
                            .filter(s -> s.getValue() == Sensitivity.PII)
                            .map(s -> e.topicName() + "." + s.getKey())))
        .containsExactly(
            "user_v1.email",
            "user_v1.display_name",
            "customer_v1.email",
            "customer_v1.full_name",
            "customer_v1.phone",
            "loyalty_membership_v1.card_number",
            "sale_v1.card.cardholder_name",
            "call_record_v1.caller_msisdn",
            "call_record_v1.callee_msisdn");
  }
}
