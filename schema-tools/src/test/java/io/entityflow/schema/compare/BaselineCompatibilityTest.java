package io.entityflow.schema.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.registry.DescriptorSets;
import io.entityflow.contract.source.ContractLoader;
import io.entityflow.contract.source.ContractSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Guards the build: the contract being built must be compatible with the released baseline kept in
 * {@code src/test/resources/baseline/proto} (see its README for refreshing it).
 */
class BaselineCompatibilityTest {
  @Test
  void builtContractHasNoBreakingChangeAgainstTheBaseline() throws Exception {
    Path baselineDir = Path.of(getClass().getResource("/baseline/proto").toURI());
    ContractLoader loader = ContractLoader.forRepository(baselineDir);
    ContractSnapshot baseline = loader.fromDirectory(baselineDir);
    ContractSnapshot built =
        ContractLoader.fromDescriptorSet("built contract", DescriptorSets.contract());

    CheckResult result = ContractComparator.compare(baseline, built);

    assertThat(result.breakingFindings()).extracting(Finding::text).isEmpty();
    assertThat(built.registry().entities()).hasSizeGreaterThanOrEqualTo(8);
  }
}
