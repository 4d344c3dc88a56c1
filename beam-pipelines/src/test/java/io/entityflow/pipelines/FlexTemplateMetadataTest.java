package io.entityflow.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class FlexTemplateMetadataTest {
  @Test
  void everyTemplateParameterIsAPipelineOptionThatParses() throws Exception {
    JsonNode metadata =
        new ObjectMapper().readTree(Path.of("src/main/flex-template/metadata.json").toFile());
    List<String> names = new ArrayList<>();
    metadata.get("parameters").forEach(p -> names.add(p.get("name").asText()));

    List<String> args = new ArrayList<>();
    for (String name : names) {
      args.add(
          "--"
              + name
              + "="
              + switch (name) {
                case "writeMethod" -> "AT_LEAST_ONCE";
                case "triggeringFrequencySeconds", "heartbeatSeconds" -> "7";
                case "verifyTables" -> "false";
                default -> "x";
              });
    }
    EntityTopicsToBigQueryOptions options =
        PipelineOptionsFactory.fromArgs(args.toArray(String[]::new))
            .as(EntityTopicsToBigQueryOptions.class);

    assertThat(names)
        .containsExactly(
            "entities",
            "subscriptionPattern",
            "pubsubProject",
            "bigQueryProject",
            "datasetPrefix",
            "writeMethod",
            "triggeringFrequencySeconds",
            "verifyTables",
            "pipelineName",
            "heartbeatSeconds");
    assertThat(options.getEntities()).containsExactly("x");
    assertThat(options.getHeartbeatSeconds()).isEqualTo(7);
    assertThat(options.getVerifyTables()).isFalse();
    assertThat(metadata.get("streaming").asBoolean()).isTrue();
  }
}
