package io.entityflow.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Option parsing: both spellings, and clear refusals. */
class CliArgumentsTest {
  private static final List<String> KNOWN = List.of("against", "format");

  @Test
  void readsSpaceAndEqualsSpellings() {
    CliArguments args = CliArguments.parse(List.of("--against", "main", "--format=json"), KNOWN);

    assertThat(args.require("against")).isEqualTo("main");
    assertThat(args.get("format")).contains("json");
  }

  @Test
  void unknownOptionNamesTheAllowedOnes() {
    assertThatThrownBy(() -> CliArguments.parse(List.of("--base", "main"), KNOWN))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown option --base; allowed: --against, --format");
  }

  @Test
  void optionWithoutValueIsRefused() {
    assertThatThrownBy(() -> CliArguments.parse(List.of("--against"), KNOWN))
        .hasMessage("option --against needs a value");
  }

  @Test
  void repeatedOptionIsRefused() {
    assertThatThrownBy(() -> CliArguments.parse(List.of("--against", "a", "--against", "b"), KNOWN))
        .hasMessage("option --against is given twice");
  }

  @Test
  void strayWordIsRefused() {
    assertThatThrownBy(() -> CliArguments.parse(List.of("main"), KNOWN))
        .hasMessage("unexpected argument 'main'; allowed: --against, --format");
  }
}
