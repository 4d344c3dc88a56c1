package io.entityflow.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.ClassInfo;
import com.google.api.services.dataflow.model.ParameterMetadata;
import com.google.api.services.dataflow.model.TemplateMetadata;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import io.entityflow.pipelines.testing.PipelineOptionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code src/main/flex-template/metadata.json} against the pipeline's options interfaces ({@code
 * io.entityflow.pipelines.options}, read by reflection): every parameter is an option, with the
 * option's description (and default) as help text, optional exactly when the option is not
 * required; every required option is a parameter. When an option is added, renamed or removed,
 * these tests say which parameter to add, rename or remove.
 */
class FlexTemplateMetadataTest {
  private static final Path METADATA = Path.of("src/main/flex-template/metadata.json");

  private static String json;
  private static TemplateMetadata metadata;
  private static Map<String, PipelineOptionSpec> options;

  @BeforeAll
  static void read() throws Exception {
    json = Files.readString(METADATA);
    metadata = GsonFactory.getDefaultInstance().fromString(json, TemplateMetadata.class);
    options =
        PipelineOptionSpec.declaredIn(
                EntityTopicsToBigQueryOptions.class,
                EntityTopicsToBigQueryOptions.class.getPackageName())
            .stream()
            .collect(
                Collectors.toMap(
                    PipelineOptionSpec::name,
                    Function.identity(),
                    (a, b) -> a,
                    LinkedHashMap::new));
  }

  @Test
  void everyParameterNamesAnOptionOfThePipelineOnce() {
    List<String> names = parameterNames();

    assertThat(names).doesNotHaveDuplicates();
    assertThat(names)
        .as(
            "template parameters that are no option of %s in %s (options: %s)",
            EntityTopicsToBigQueryOptions.class.getSimpleName(),
            EntityTopicsToBigQueryOptions.class.getPackageName(),
            options.keySet())
        .isSubsetOf(options.keySet());
  }

  @Test
  void everyParameterHelpTextIsItsOptionDescriptionAndDefault() {
    Map<String, String> actual = new LinkedHashMap<>();
    Map<String, String> expected = new LinkedHashMap<>();
    for (ParameterMetadata parameter : metadata.getParameters()) {
      PipelineOptionSpec option = options.get(parameter.getName());
      if (option != null) {
        actual.put(parameter.getName(), parameter.getHelpText());
        expected.put(parameter.getName(), helpText(option));
      }
    }

    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Test
  void parametersAreOptionalExactlyWhenTheirOptionIsNotRequired() {
    Map<String, Boolean> actual = new LinkedHashMap<>();
    Map<String, Boolean> expected = new LinkedHashMap<>();
    for (ParameterMetadata parameter : metadata.getParameters()) {
      PipelineOptionSpec option = options.get(parameter.getName());
      if (option != null) {
        actual.put(parameter.getName(), Boolean.TRUE.equals(parameter.getIsOptional()));
        expected.put(parameter.getName(), !option.required());
      }
    }

    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Test
  void everyOptionAUserMustSetIsAParameter() {
    List<String> required =
        options.values().stream()
            .filter(PipelineOptionSpec::required)
            .map(PipelineOptionSpec::name)
            .toList();

    assertThat(parameterNames())
        .as("required options missing from the template parameters")
        .containsAll(required);
  }

  @Test
  void parameterRegexesAcceptTheDefaultAndEveryValueOfTheOptionsType() {
    for (ParameterMetadata parameter : metadata.getParameters()) {
      PipelineOptionSpec option = options.get(parameter.getName());
      if (option == null || parameter.getRegexes() == null) {
        continue;
      }
      List<String> accepted = new ArrayList<>();
      if (option.defaultValue() != null) {
        accepted.add(option.defaultValue());
      }
      if (option.type().isEnum()) {
        for (Object constant : option.type().getEnumConstants()) {
          accepted.add(constant.toString());
        }
      }
      if (option.type() == Boolean.class) {
        accepted.addAll(List.of("true", "false"));
      }
      for (String regex : parameter.getRegexes()) {
        assertThat(accepted)
            .as("values of --%s that regex %s must accept", option.name(), regex)
            .allMatch(value -> value.matches(regex));
      }
    }
  }

  @Test
  void metadataIsAStreamingTemplateWithOnlyFieldsTheDataflowApiKnows() {
    JsonObject root = JsonParser.parseString(json).getAsJsonObject();
    Set<String> parameterKeys = new TreeSet<>();
    for (JsonElement parameter : root.getAsJsonArray("parameters")) {
      parameterKeys.addAll(parameter.getAsJsonObject().keySet());
    }

    assertThat(root.keySet()).isSubsetOf(ClassInfo.of(TemplateMetadata.class).getNames());
    assertThat(parameterKeys).isSubsetOf(ClassInfo.of(ParameterMetadata.class).getNames());
    assertThat(metadata.getName()).isEqualTo("Entityflow: entity topics to BigQuery");
    assertThat(metadata.getStreaming()).isTrue();
    assertThat(metadata.getSupportsExactlyOnce()).isTrue();
    assertThat(metadata.getSupportsAtLeastOnce()).isTrue();
    assertThat(metadata.getParameters())
        .allSatisfy(
            parameter -> {
              assertThat(parameter.getLabel()).as("label of %s", parameter.getName()).isNotBlank();
              assertThat(parameter.getHelpText()).isNotBlank();
            });
  }

  /** The help text a parameter carries: the option's description, then its default if any. */
  static String helpText(PipelineOptionSpec option) {
    if (option.defaultValue() == null) {
      return option.description();
    }
    return option.description()
        + " Default: "
        + (option.defaultValue().isEmpty() ? "empty" : option.defaultValue())
        + ".";
  }

  private static List<String> parameterNames() {
    return metadata.getParameters().stream().map(ParameterMetadata::getName).toList();
  }
}
