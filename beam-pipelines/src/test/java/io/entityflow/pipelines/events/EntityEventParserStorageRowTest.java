package io.entityflow.pipelines.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.testing.BeamStorageRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityEventParserStorageRowTest {
  private static final Instant PUBLISHED = Instant.parse("2026-11-23T10:00:01.250Z");
  private static final Instant INGESTED = Instant.parse("2026-11-23T10:00:02.000001Z");

  private static Map<String, String> attributes(String... overrides) {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("event_id", "e-1");
    attributes.put("operation", "CREATED");
    attributes.put("occurred_at", "2026-11-23T10:00:00.5Z");
    attributes.put("pii_encryption", "tink-aead-v1");
    attributes.put("producer", "till");
    attributes.put("schema_version", "1.0");
    for (int i = 0; i < overrides.length; i += 2) {
      if (overrides[i + 1] == null) {
        attributes.remove(overrides[i]);
      } else {
        attributes.put(overrides[i], overrides[i + 1]);
      }
    }
    return attributes;
  }

  /** The TableRow path's outcome: Beam's bytes of the parsed row, or the rejection. */
  private static String tableRowPath(
      EntityDefinition entity, byte[] payload, Map<String, String> attributes, String messageId) {
    List<Integer> unknown = new ArrayList<>();
    try {
      TableRow row =
          EntityEventParser.of(entity)
              .parse(payload, attributes, messageId, PUBLISHED, INGESTED, unknown::add);
      return unknown
          + " "
          + HexFormat.of()
              .formatHex(BeamStorageRows.of(EntityTable.of(entity).columns()).bytes(row));
    } catch (RejectedMessageException e) {
      return unknown + " " + e.kind() + ": " + e.getMessage();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String storageRowPath(
      EntityDefinition entity, byte[] payload, Map<String, String> attributes, String messageId) {
    List<Integer> unknown = new ArrayList<>();
    try {
      byte[] bytes =
          EntityEventParser.of(entity)
              .parseStorageRow(payload, attributes, messageId, PUBLISHED, INGESTED, unknown::add);
      return unknown + " " + HexFormat.of().formatHex(bytes);
    } catch (RejectedMessageException e) {
      return unknown + " " + e.kind() + ": " + e.getMessage();
    }
  }

  @Test
  void everySampleEventBecomesTheBytesBeamMakesOfItsParsedRow() {
    EntityRegistry registry = EntityRegistry.load();
    for (Map.Entry<String, SampleEvents.Sample> sample : SampleEvents.all().entrySet()) {
      EntityDefinition entity = registry.forTopic(sample.getKey()).orElseThrow();
      byte[] payload = sample.getValue().message().toByteArray();

      Map<String, String> attributes =
          entity.hasPii() ? attributes() : attributes("pii_encryption", null);
      String expected = tableRowPath(entity, payload, attributes, "m-1");

      assertThat(storageRowPath(entity, payload, attributes, "m-1"))
          .as(sample.getKey())
          .isEqualTo(expected);
      assertThat(expected).startsWith("[0] 0a03652d31");
    }
  }

  @Test
  void rejectedEventsAreRejectedWithTheSameKindAndMessage() {
    EntityDefinition sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();
    byte[] payload = SampleEvents.sale("s-1").message().toByteArray();
    byte[] unknownField = {(byte) 0xf8, 0x07, 0x01};
    List<Object[]> cases =
        List.of(
            new Object[] {payload, attributes("event_id", null), "MISSING_ATTRIBUTE"},
            new Object[] {payload, attributes("operation", "UPSERT"), "INVALID_ATTRIBUTE"},
            new Object[] {payload, attributes("occurred_at", "yesterday"), "INVALID_ATTRIBUTE"},
            new Object[] {payload, attributes("schema_version", "2.0"), "UNKNOWN_SCHEMA"},
            new Object[] {new byte[] {0x0a, 0x05, 'a'}, attributes(), "UNPARSEABLE_PAYLOAD"},
            new Object[] {
              new byte[] {0x0a, 0x01, (byte) 0xc0}, attributes(), "UNPARSEABLE_PAYLOAD"
            },
            new Object[] {unknownField, attributes(), "MISSING_ID"},
            new Object[] {
              SampleEvents.sale("0").message().toByteArray(), attributes(), "MISSING_ID"
            });
    for (Object[] c : cases) {
      byte[] bytes = (byte[]) c[0];
      @SuppressWarnings("unchecked")
      Map<String, String> attributes = (Map<String, String>) c[1];

      String expected = tableRowPath(sale, bytes, attributes, "m-1");

      assertThat(storageRowPath(sale, bytes, attributes, "m-1")).isEqualTo(expected);
      assertThat(expected).contains(" " + c[2] + ": ");
    }
    assertThat(tableRowPath(sale, unknownField, attributes(), "m-1")).startsWith("[1] MISSING_ID");
  }

  @Test
  void emptyOptionalAttributesAndMessageIdStayNullAsInTheParsedRow() {
    EntityDefinition sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();
    byte[] payload = SampleEvents.sale("s-1").message().toByteArray();
    Map<String, String> attributes = attributes("producer", "", "schema_version", null);

    assertThat(storageRowPath(sale, payload, attributes, ""))
        .isEqualTo(tableRowPath(sale, payload, attributes, ""));
  }

  @Test
  void schemaVersionOtherThanDigitsDotDigitsIsRejectedNamingTheForm() {
    EntityDefinition sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();
    byte[] payload = SampleEvents.sale("s-1").message().toByteArray();
    for (String version :
        List.of("1", "1.", ".0", "1.0.0", "v1.0", "1.a", "1..0", " 1.0", "1,0", "\u0661.\u0660")) {
      assertThat(storageRowPath(sale, payload, attributes("schema_version", version), "m-1"))
          .as(version)
          .isEqualTo(
              "[] INVALID_ATTRIBUTE: attribute 'schema_version' has invalid value '"
                  + version
                  + "'; allowed: <major>.<revision>, e.g. 1.0");
    }
    for (String version : List.of("1.0", "1.12", "1.999")) {
      assertThat(storageRowPath(sale, payload, attributes("schema_version", version), "m-1"))
          .as(version)
          .isEqualTo(tableRowPath(sale, payload, attributes("schema_version", version), "m-1"))
          .startsWith("[0] 0a03652d31");
    }
  }
}
