package io.entityflow.schema.lookml;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.schema.ContractFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The LookML of entities with PII: the analysts' views read the {@code _masked} view (pseudonym
 * strings), the PII readers' model reads the {@code _decrypted} views (original types) and gates
 * them; entities without PII read their table as before. Exact files of Customer and Installation,
 * and every shape of PII field of a compiled test contract, parsed by lookml-parser.
 */
class LookmlPiiViewsTest {
  private static final String PERSON =
      """
      syntax = "proto3";
      package acme.people.v1;
      import "entityflow/options.proto";
      import "google/protobuf/duration.proto";
      import "google/protobuf/timestamp.proto";
      import "google/protobuf/wrappers.proto";

      // A person.
      message Person {
        option (entityflow.entity) = {
          name: "Person" id_field: "person_id" domain: "people" owner: "team-people"
          description: "People."
        };
        string person_id = 1;
        google.protobuf.Timestamp born_at = 2 [(entityflow.sensitivity) = PII];
        int64 height_mm = 3 [(entityflow.sensitivity) = PII];
        repeated string nicknames = 4 [(entityflow.sensitivity) = PII];
        map<string, int64> scores = 5 [(entityflow.sensitivity) = PII];
        Address address = 6;
        bytes photo = 7 [(entityflow.sensitivity) = PII];
        google.protobuf.Duration commute = 8 [(entityflow.sensitivity) = PII];
        Mood mood = 9 [(entityflow.sensitivity) = PII];
        google.protobuf.Int64Value shoe_size = 10 [(entityflow.sensitivity) = PII];
      }

      // Where a person lives.
      message Address {
        string city = 1;
        string street = 2 [(entityflow.sensitivity) = PII];
      }

      enum Mood {
        MOOD_UNSPECIFIED = 0;
        HAPPY = 1;
      }
      """;

  private static Map<String, String> acme;
  private static JsonObject person;

  @BeforeAll
  static void generateAndParse() throws Exception {
    acme = LookmlProject.of(EntityRegistry.load(), LookmlOptions.defaults()).files();
    Path out = Path.of("target/lookml-person");
    EntityRegistry people =
        ContractFixtures.compile(Map.of("acme/people/v1/person.proto", PERSON)).registry();
    LookmlProject.of(people, LookmlOptions.defaults()).write(out);
    person = LookmlParser.parseAll(out);
  }

  @Test
  void customerAnalystsViewsReadTheMaskedViewExactly() throws IOException {
    for (String file :
        List.of(
            "views/customer_v1.view.lkml",
            "views/customer_v1_latest.view.lkml",
            "explores/customer_v1.explore.lkml")) {
      assertThat(acme.get(file)).as(file).isEqualTo(expected(file));
    }
  }

  @Test
  void customerPiiReadersViewsReadTheDecryptingViewExactlyBehindTheAccessGrant()
      throws IOException {
    for (String file :
        List.of(
            "pii/views/customer_v1_decrypted.view.lkml",
            "pii/views/customer_v1_latest_decrypted.view.lkml",
            "pii/explores/customer_v1_decrypted.explore.lkml",
            "entityflow_pii.model.lkml")) {
      assertThat(acme.get(file)).as(file).isEqualTo(expected(file));
    }
  }

  @Test
  void entityWithoutPiiReadsItsTableAndLatestViewExactlyAndHasNoDecryptedViews()
      throws IOException {
    for (String file :
        List.of(
            "views/installation_v1.view.lkml",
            "views/installation_v1_latest.view.lkml",
            "explores/installation_v1.explore.lkml")) {
      assertThat(acme.get(file)).as(file).isEqualTo(expected(file));
    }
    assertThat(acme.keySet()).noneMatch(f -> f.contains("installation") && f.contains("decrypted"));
  }

  @Test
  void everyMaskedPiiShapeIsThePseudonymString() {
    String file = "views/person_v1_latest.view.lkml";
    assertThat(fields(file, "person_v1_latest", "dimension"))
        .containsAllEntriesOf(
            map(
                "person_id", "string | ${TABLE}.person_id",
                "born_at", "string | ${TABLE}.born_at",
                "height_mm", "string | ${TABLE}.height_mm",
                "nicknames", " | ${TABLE}.nicknames",
                "scores", " | ${TABLE}.scores",
                "address__city", "string | ${TABLE}.address.city",
                "address__street", "string | ${TABLE}.address.street",
                "photo", "string | ${TABLE}.photo",
                "commute", "string | ${TABLE}.commute",
                "mood", "string | ${TABLE}.mood",
                "shoe_size", "string | ${TABLE}.shoe_size"));
    assertThat(fields(file, "person_v1_latest", "dimension_group").keySet())
        .containsExactly("occurred", "publish", "ingestion");
    assertThat(
            view(file, "person_v1_latest")
                .getAsJsonObject("dimension")
                .getAsJsonObject("mood")
                .has("suggestions"))
        .isFalse();
    assertThat(fields(file, "person_v1_latest__nicknames", "dimension"))
        .containsEntry("value", "string | ${TABLE}");
    assertThat(fields(file, "person_v1_latest__scores", "dimension"))
        .containsEntry("key", "string | ${TABLE}.key")
        .containsEntry("value", "string | ${TABLE}.value");
    assertThat(view(file, "person_v1_latest").has("required_access_grants")).isFalse();
  }

  @Test
  void everyDecryptedPiiShapeHasTheTypeOfTheDecryptingView() {
    String file = "pii/views/person_v1_latest_decrypted.view.lkml";
    String name = "person_v1_latest_decrypted";
    assertThat(fields(file, name, "dimension"))
        .containsAllEntriesOf(
            map(
                "person_id", "string | ${TABLE}.person_id",
                "height_mm", "number | ${TABLE}.height_mm",
                "nicknames", " | ${TABLE}.nicknames",
                "scores", " | ${TABLE}.scores",
                "address__city", "string | ${TABLE}.address.city",
                "address__street", "string | ${TABLE}.address.street",
                "photo", "string | TO_BASE64(${TABLE}.photo)",
                "commute", "string | TO_JSON_STRING(${TABLE}.commute)",
                "mood", "string | ${TABLE}.mood",
                "shoe_size", "number | ${TABLE}.shoe_size"));
    assertThat(fields(file, name, "dimension_group"))
        .containsEntry("born", "time | ${TABLE}.born_at");
    assertThat(
            view(file, name)
                .getAsJsonObject("dimension")
                .getAsJsonObject("mood")
                .get("suggestions"))
        .hasToString("[\"MOOD_UNSPECIFIED\",\"HAPPY\"]");
    assertThat(fields(file, name + "__nicknames", "dimension"))
        .containsEntry("value", "string | ${TABLE}");
    assertThat(fields(file, name + "__scores", "dimension"))
        .containsEntry("key", "string | ${TABLE}.key")
        .containsEntry("value", "number | ${TABLE}.value");
    for (String view : List.of(name, name + "__nicknames", name + "__scores")) {
      assertThat(view(file, view).get("required_access_grants"))
          .as(view)
          .hasToString("[\"can_see_pii\"]");
    }
    assertThat(
            view("pii/views/person_v1_decrypted.view.lkml", "person_v1_decrypted")
                .get("sql_table_name")
                .getAsString()
                .trim())
        .isEqualTo("`people_pii.person_v1_decrypted`");
  }

  @Test
  void projectPrefixAndPiiConnectionNameTheRestrictedDatasetAndTheReadersConnection() {
    Map<String, String> files =
        LookmlProject.of(
                EntityRegistry.load(),
                LookmlOptions.defaults()
                    .withProject("acme-data")
                    .withDatasetPrefix("prod_")
                    .withConnection("bigquery")
                    .withPiiConnection("bigquery_pii"))
            .files();

    assertThat(files.get("pii/views/customer_v1_decrypted.view.lkml"))
        .contains("  sql_table_name: `acme-data.prod_retail_pii.customer_v1_decrypted` ;;\n");
    assertThat(files.get("views/customer_v1.view.lkml"))
        .contains("  sql_table_name: `acme-data.prod_retail.customer_v1_masked` ;;\n");
    assertThat(files.get("entityflow.model.lkml")).contains("connection: \"bigquery\"\n");
    assertThat(files.get("entityflow_pii.model.lkml")).contains("connection: \"bigquery_pii\"\n");
    assertThat(
            LookmlProject.of(EntityRegistry.load(), LookmlOptions.defaults().withConnection("bq"))
                .files()
                .get("entityflow_pii.model.lkml"))
        .contains("connection: \"bq\"\n");
  }

  @Test
  void contractWithoutPiiHasNoPiiReadersModel() {
    Map<String, String> files =
        LookmlProject.of(ContractFixtures.base().registry(), LookmlOptions.defaults()).files();

    assertThat(files.keySet()).noneMatch(f -> f.startsWith("pii/") || f.contains("_pii"));
  }

  private static Map<String, String> map(String... keyValues) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put(keyValues[i], keyValues[i + 1]);
    }
    return out;
  }

  private static String expected(String file) throws IOException {
    try (InputStream in = LookmlPiiViewsTest.class.getResourceAsStream("expected/" + file)) {
      assertThat(in).as("expected/" + file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static JsonObject view(String file, String view) {
    return ParsedLookml.view(person, file, view);
  }

  private static Map<String, String> fields(String file, String view, String kind) {
    return ParsedLookml.fields(person, file, view, kind);
  }
}
