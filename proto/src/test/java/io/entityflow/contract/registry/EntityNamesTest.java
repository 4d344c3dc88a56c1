package io.entityflow.contract.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityNamesTest {

  @Test
  void topicNameIsSnakeCaseWithMajorVersion() {
    assertThat(EntityNames.topicName("Sale", 1)).isEqualTo("sale_v1");
    assertThat(EntityNames.topicName("LoyaltyMembership", 2)).isEqualTo("loyalty_membership_v2");
    assertThat(EntityNames.topicName("HTTPLog", 1)).isEqualTo("http_log_v1");
    assertThat(EntityNames.topicName("Meter2Reading", 1)).isEqualTo("meter2_reading_v1");
  }

  @Test
  void majorVersionIsReadFromTheLastPackageSegment() {
    assertThat(EntityNames.majorVersion("acme.retail.sale.v1")).hasValue(1);
    assertThat(EntityNames.majorVersion("acme.retail.sale.v12")).hasValue(12);
    assertThat(EntityNames.majorVersion("v3")).hasValue(3);
    assertThat(EntityNames.majorVersion("acme.retail.sale")).isEmpty();
    assertThat(EntityNames.majorVersion("acme.retail.sale.v0")).isEmpty();
    assertThat(EntityNames.majorVersion("acme.retail.sale.v1beta1")).isEmpty();
  }
}
