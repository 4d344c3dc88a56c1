package io.entityflow.outbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesJsonTest {

  @Test
  void writesAFlatObjectWithEscapes() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("event_id", "0d1f6f0e");
    attributes.put("note", "say \"hi\"\n\\ ok");
    assertThat(AttributesJson.write(attributes))
        .isEqualTo("{\"event_id\":\"0d1f6f0e\",\"note\":\"say \\\"hi\\\"\\n\\\\ ok\"}");
    assertThat(AttributesJson.write(Map.of())).isEqualTo("{}");
  }

  @Test
  void readsPostgresJsonbTextBack() {
    assertThat(AttributesJson.read("{\"a\": \"b\", \"tenant\": \"nl\"}"))
        .isEqualTo(Map.of("a", "b", "tenant", "nl"));
    assertThat(AttributesJson.read(" { } ")).isEmpty();
    assertThat(AttributesJson.read("{\"k\": \"\\u00e9\\t\\/\\\"x\\\\\"}"))
        .isEqualTo(Map.of("k", "é\t/\"x\\"));
  }

  @Test
  void roundTripsEveryCharacter() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("control", "\u0001\u001f\b\f\r");
    attributes.put("unicode", "grüße 🙂 日本");
    assertThat(AttributesJson.read(AttributesJson.write(attributes))).isEqualTo(attributes);
  }

  @Test
  void refusesWhatIsNotAnObjectOfStrings() {
    assertThatThrownBy(() -> AttributesJson.read("{\"a\": 1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "attributes are not a JSON object of strings: expected '\"' at position 6 of 8");
    assertThatThrownBy(() -> AttributesJson.read("{\"a\": \"b\"} x"))
        .hasMessage(
            "attributes are not a JSON object of strings: expected the end at position 11"
                + " of 12");
    assertThatThrownBy(() -> AttributesJson.read("{\"a\": \"b"))
        .hasMessage(
            "attributes are not a JSON object of strings: expected '\"' at position 8 of 8");
    assertThatThrownBy(() -> AttributesJson.read("{\"a\": \"\\q\"}"))
        .hasMessage(
            "attributes are not a JSON object of strings: expected an escape character at"
                + " position 9 of 11");
  }
}
