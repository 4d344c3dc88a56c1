package io.entityflow.terraform.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateEscapingTest {
  @Test
  void templateSequencesAreEscapedAndThePiiPlaceholderIsKept() {
    String json =
        "{\"description\": \"price in ${currency}, 100%{x}\","
            + " \"policyTags\": {\"names\": [\"${policy_tag_pii}\"]}}";

    assertThat(TemplateEscaping.escape(json))
        .isEqualTo(
            "{\"description\": \"price in $${currency}, 100%%{x}\","
                + " \"policyTags\": {\"names\": [\"${policy_tag_pii}\"]}}");
  }

  @Test
  void textWithoutTemplateSequencesIsUnchanged() {
    String json = "[{\"name\": \"sale_id\", \"type\": \"STRING\", \"description\": \"$5 {a}\"}]";

    assertThat(TemplateEscaping.escape(json)).isEqualTo(json);
  }
}
