package io.entityflow.contract.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.options.Sensitivity;
import java.util.List;
import org.junit.jupiter.api.Test;

class BigQueryJsonSchemaTest {

  @Test
  void writesNestedRecordsDescriptionsAndPolicyTagsInFixedKeyOrder() {
    TableColumn email =
        new TableColumn(
            "email",
            BigQueryType.STRING,
            ColumnMode.NULLABLE,
            "Mail \"primary\"\naddress.",
            Sensitivity.PII,
            List.of(),
            2,
            ValueConversion.SCALAR,
            false);
    TableColumn contact =
        new TableColumn(
            "contact",
            BigQueryType.RECORD,
            ColumnMode.REPEATED,
            "",
            Sensitivity.INTERNAL,
            List.of(email),
            1,
            ValueConversion.RECORD,
            false);

    assertThat(BigQueryJsonSchema.toJson(List.of(contact)))
        .isEqualTo(
            "[\n"
                + "  {\n"
                + "    \"name\": \"contact\",\n"
                + "    \"type\": \"RECORD\",\n"
                + "    \"mode\": \"REPEATED\",\n"
                + "    \"fields\": [\n"
                + "      {\n"
                + "        \"name\": \"email\",\n"
                + "        \"type\": \"STRING\",\n"
                + "        \"mode\": \"NULLABLE\",\n"
                + "        \"description\": \"Mail \\\"primary\\\"\\naddress.\",\n"
                + "        \"policyTags\": {\"names\": [\"${policy_tag_pii}\"]}\n"
                + "      }\n"
                + "    ]\n"
                + "  }\n"
                + "]\n");
  }
}
