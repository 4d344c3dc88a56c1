package io.entityflow.local;

import io.entityflow.contract.registry.EntityRegistry;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * What {@code entityflow demo} shows of privacy once its history landed: a few customers as
 * analysts see them in the masked view (PII replaced by each customer's pseudonym), and the
 * commands that read the decrypting view and forget a customer.
 *
 * <pre>{@code
 * out.print(DemoPrivacy.summary(home.warehouse(), EntityRegistry.load()));
 * }</pre>
 */
final class DemoPrivacy {
  /** The masked-view query the summary shows. */
  static final String MASKED_SAMPLE =
      "SELECT customer_id, email, full_name, phone FROM retail.customer_v1_masked"
          + " ORDER BY customer_id LIMIT 3";

  private DemoPrivacy() {}

  /** The summary: the masked rows and the two commands to go further. */
  static String summary(Path warehouse, EntityRegistry registry) throws SQLException {
    List<List<String>> rows = LocalSql.query(warehouse, registry, MASKED_SAMPLE);
    String firstCustomer = rows.size() > 1 ? rows.get(1).get(0) : "c-1";
    return "PII is encrypted at the source; analysts see pseudonyms (retail.customer_v1_masked):\n"
        + LocalSql.render(rows)
        + "  decrypted, for PII readers: ./entityflow sql \"SELECT customer_id, email FROM"
        + " retail_pii.customer_v1_decrypted LIMIT 3\"\n"
        + "  forget a customer:         ./entityflow forget --subject "
        + firstCustomer
        + "\n";
  }
}
