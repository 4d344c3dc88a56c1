package io.entityflow.schema.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The next major package named in the fixes of breaking findings. */
class FindingsTest {
  @Test
  void nextMajorIncrementsTheVersionSegment() {
    assertThat(Findings.nextMajor("acme.retail.sale.v1")).isEqualTo("acme.retail.sale.v2");
    assertThat(Findings.nextMajor("acme.retail.sale.v9")).isEqualTo("acme.retail.sale.v10");
    assertThat(Findings.nextMajor("v3")).isEqualTo("v4");
  }

  @Test
  void packageWithoutVersionGetsV2Appended() {
    assertThat(Findings.nextMajor("acme.common")).isEqualTo("acme.common.v2");
  }
}
