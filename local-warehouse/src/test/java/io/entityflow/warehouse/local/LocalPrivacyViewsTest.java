package io.entityflow.warehouse.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.privacy.keys.LocalKeyFileKek;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPrivacyViewsTest {
  private static final String KEY_ROW =
      "INSERT INTO t (event_id, operation, occurred_at, subject_id, wrapped_keyset, kek_uri,"
          + " pseudonym) VALUES (?, ?, ?::TIMESTAMPTZ, ?, ?, ?, ?)";

  private final EntityRegistry registry = EntityRegistry.load();
  private final Map<String, Aead> subjects = new HashMap<>();

  @TempDir Path root;
  private LocalKeyFileKek kek;

  @BeforeEach
  void keysOfThreeSubjectsTheThirdForgotten() throws Exception {
    AeadConfig.register();
    kek = LocalKeyFileKek.open(root.resolve("keys/kek.json"));
    List<Object[]> rows = new ArrayList<>();
    for (String subject : List.of("c-1", "c-2", "c-3")) {
      KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      subjects.put(subject, keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
      rows.add(
          new Object[] {
            "k-" + subject,
            "CREATED",
            "2026-12-01 09:00:00+00",
            subject,
            kek.wrap(keyset),
            kek.uri(),
            "pseudonym-" + subject
          });
    }
    rows.add(
        new Object[] {
          "k-c-3-forgotten", "DELETED", "2026-12-02 09:00:00+00", "c-3", null, null, null
        });
    write("entityflow.subject_key_v1", KEY_ROW, rows);
  }

  @Test
  void customerViewsShowPseudonymsAndPlaintextsAndNothingForAForgottenSubject() throws Exception {
    String insert =
        "INSERT INTO t (event_id, operation, occurred_at, customer_id, email, full_name, phone)"
            + " VALUES (?, 'CREATED', TIMESTAMPTZ '2026-12-01 10:00:00+00', ?, ?, ?, ?)";
    write(
        "retail.customer_v1",
        insert,
        List.of(
            new Object[] {
              "e-1", "c-1", encrypt("c-1", "ann@example.com"), encrypt("c-1", "Ann"), null
            },
            new Object[] {
              "e-2", "c-2", encrypt("c-2", "bob@example.com"), null, encrypt("c-2", "+4930123")
            },
            new Object[] {
              "e-3", "c-3", encrypt("c-3", "cy@example.com"), encrypt("c-3", "Cy"), null
            }));

    assertThat(
            query(
                "SELECT customer_id, email, full_name, phone FROM retail.customer_v1_masked"
                    + " ORDER BY customer_id"))
        .containsExactly(
            "c-1|pseudonym-c-1|pseudonym-c-1|NULL",
            "c-2|pseudonym-c-2|NULL|pseudonym-c-2",
            "c-3|NULL|NULL|NULL");
    assertThat(
            query(
                "SELECT customer_id, email, full_name, phone"
                    + " FROM retail_pii.customer_v1_decrypted ORDER BY customer_id"))
        .containsExactly(
            "c-1|ann@example.com|Ann|NULL",
            "c-2|bob@example.com|NULL|+4930123",
            "c-3|NULL|NULL|NULL");
  }

  @Test
  void saleCardholderNameInsideTheCardRecordIsRebuilt() throws Exception {
    String insert =
        "INSERT INTO t (event_id, operation, occurred_at, sale_id, customer_id, card) VALUES (?,"
            + " 'CREATED', TIMESTAMPTZ '2026-12-01 10:00:00+00', ?, ?, struct_pack(scheme :="
            + " 'VISA', last4 := '4242', cardholder_name := ?::BLOB))";
    write(
        "retail.sale_v1",
        insert,
        List.<Object[]>of(
            new Object[] {"e-1", "s-1", "c-1", encrypt("c-1", "Ann A")},
            new Object[] {"e-2", "s-2", "c-3", encrypt("c-3", "Cy C")}));

    assertThat(query("SELECT sale_id, card FROM retail.sale_v1_masked ORDER BY sale_id"))
        .containsExactly(
            "s-1|{'scheme': VISA, 'last4': 4242, 'cardholder_name': pseudonym-c-1}",
            "s-2|{'scheme': VISA, 'last4': 4242, 'cardholder_name': NULL}");
    assertThat(
            query(
                "SELECT sale_id, card.cardholder_name, cash IS NULL"
                    + " FROM retail_pii.sale_v1_decrypted ORDER BY sale_id"))
        .containsExactly("s-1|Ann A|true", "s-2|NULL|true");
  }

  @Test
  void erasingASubjectsKeyRowsForgetsThemInBothViewsAndKeepsTheOthers() throws Exception {
    write(
        "retail.customer_v1",
        "INSERT INTO t (event_id, operation, occurred_at, customer_id, email) VALUES (?,"
            + " 'CREATED', TIMESTAMPTZ '2026-12-01 10:00:00+00', ?, ?)",
        List.of(
            new Object[] {"e-1", "c-1", encrypt("c-1", "ann@example.com")},
            new Object[] {"e-2", "c-2", encrypt("c-2", "bob@example.com")}));

    int removed = LocalSubjectKeys.erase(root.resolve("warehouse"), "c-1");

    assertThat(removed).isEqualTo(1);
    assertThat(
            query(
                "SELECT subject_id, operation, wrapped_keyset IS NULL FROM"
                    + " entityflow.subject_key_v1 ORDER BY subject_id, operation"))
        .containsExactly("c-2|CREATED|false", "c-3|CREATED|false", "c-3|DELETED|true");
    assertThat(
            query(
                "SELECT m.customer_id, m.email, d.email FROM retail.customer_v1_masked m JOIN"
                    + " retail_pii.customer_v1_decrypted d USING (event_id) ORDER BY 1"))
        .containsExactly("c-1|NULL|NULL", "c-2|pseudonym-c-2|bob@example.com");
    assertThat(LocalSubjectKeys.erase(root.resolve("warehouse"), "c-1")).isZero();
  }

  @Test
  void aCiphertextOfAnotherSubjectDoesNotDecrypt() throws Exception {
    write(
        "retail.customer_v1",
        "INSERT INTO t (event_id, operation, occurred_at, customer_id, email) VALUES (?,"
            + " 'CREATED', TIMESTAMPTZ '2026-12-01 10:00:00+00', ?, ?)",
        List.<Object[]>of(new Object[] {"e-1", "c-2", encrypt("c-1", "ann@example.com")}));

    assertThat(query("SELECT customer_id, email FROM retail_pii.customer_v1_decrypted"))
        .containsExactly("c-2|NULL");
  }

  private byte[] encrypt(String subject, String plaintext) throws Exception {
    return subjects
        .get(subject)
        .encrypt(
            plaintext.getBytes(StandardCharsets.UTF_8), subject.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes rows into one Parquet file of {@code dataset.table} through a typed DuckDB table. */
  private void write(String qualifiedTable, String insert, List<Object[]> rows) throws Exception {
    TableDefinition table = PhysicalLayout.of(registry).requireTable(qualifiedTable);
    LocalWarehouseLayout layout = new LocalWarehouseLayout(root.resolve("warehouse"));
    Path directory = layout.tableDirectory(table.dataset(), table.name());
    java.nio.file.Files.createDirectories(directory);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("CREATE TABLE t (" + DuckDbTypes.columnList(table.columns()) + ")");
      try (PreparedStatement insertRow = connection.prepareStatement(insert)) {
        for (Object[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            insertRow.setObject(i + 1, row[i]);
          }
          insertRow.execute();
        }
      }
      statement.execute(
          "COPY t TO '"
              + directory.resolve(LocalWarehouseLayout.newPartFileName())
              + "' (FORMAT PARQUET)");
    }
  }

  private List<String> query(String sql) throws Exception {
    try (Connection connection = LocalWarehouse.open(root.resolve("warehouse"), registry)) {
      LocalPrivacyViews.create(connection, registry);
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery(sql)) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          List<String> values = new ArrayList<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            String value = rs.getString(i);
            values.add(value == null ? "NULL" : value);
          }
          rows.add(String.join("|", values));
        }
        return rows;
      }
    }
  }
}
