package io.entityflow.privacy.tools;

import io.entityflow.contract.layout.PhysicalLayout;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parsed command line of {@code entityflow forget} against a deployed environment.
 *
 * <pre>{@code
 * ForgetArguments args = ForgetArguments.parse(List.of(
 *     "--subject", "customer-42", "--actor", "dpo:ticket-1234",
 *     "--key-store", "jdbc:postgresql://10.0.0.5:5432/checkout", "--project", "acme-prod",
 *     "--bigquery-project", "acme-data"));
 * args.systemDataset(); // "entityflow" (with --dataset-prefix prod_: "prod_entityflow")
 * }</pre>
 *
 * <p>Guarantees: every value is checked here, before anything is read or changed; a refusal ({@link
 * ForgetRefusedException}) names the option, the bad value and what is allowed. The JDBC URL is
 * only checked for its form; credentials are refused in it (they come from the environment, see
 * {@link KeyStoreAccess}).
 *
 * @param subject the data subject's id
 * @param actor who asks (a person, a ticket), for the audit record
 * @param keyStoreUrl the key store's JDBC URL ({@code jdbc:postgresql://...})
 * @param project the Google Cloud project of the Pub/Sub topics
 * @param bigQueryProject the project of the BigQuery datasets, empty to leave BigQuery to the sweep
 * @param datasetPrefix the dataset prefix of the environment (Terraform's {@code dataset_prefix})
 * @param bigQueryEndpoint the BigQuery API root, empty for Google's
 * @param dryRun true to change nothing and print what would be done
 */
public record ForgetArguments(
    String subject,
    String actor,
    String keyStoreUrl,
    String project,
    Optional<String> bigQueryProject,
    String datasetPrefix,
    Optional<String> bigQueryEndpoint,
    boolean dryRun) {

  /** The usage line of the command. */
  public static final String USAGE =
      "usage: entityflow forget --subject <id> --actor <who> --key-store <jdbc:postgresql://...>"
          + " --project <gcp project> [--bigquery-project <project> [--dataset-prefix <prefix>]]"
          + " [--dry-run]";

  /** A Google Cloud project id: 6 to 30 lower-case letters, digits and hyphens. */
  private static final Pattern PROJECT =
      Pattern.compile("(?:[a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");

  /** The dataset prefix of a layout (see {@link PhysicalLayout#withDatasetPrefix}). */
  private static final Pattern DATASET_PREFIX = Pattern.compile("[A-Za-z0-9_]{0,64}");

  private static final List<String> VALUE_OPTIONS =
      List.of(
          "--subject",
          "--actor",
          "--key-store",
          "--project",
          "--bigquery-project",
          "--dataset-prefix",
          "--bigquery-endpoint");

  /**
   * Parses and checks the arguments following {@code forget}.
   *
   * @throws ForgetRefusedException naming the first bad or missing option
   */
  public static ForgetArguments parse(List<String> args) {
    String subject = null;
    String actor = null;
    String keyStore = null;
    String project = null;
    String bigQueryProject = null;
    String prefix = null;
    String endpoint = null;
    boolean dryRun = false;
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (option.equals("--dry-run")) {
        dryRun = true;
        continue;
      }
      if (!VALUE_OPTIONS.contains(option)) {
        throw new ForgetRefusedException(
            "option '"
                + option
                + "' is not allowed; allowed: "
                + String.join(", ", VALUE_OPTIONS)
                + ", --dry-run\n"
                + USAGE);
      }
      if (i + 1 >= args.size()) {
        throw new ForgetRefusedException(option + " needs a value\n" + USAGE);
      }
      String value = args.get(++i);
      switch (option) {
        case "--subject" -> subject = value;
        case "--actor" -> actor = value;
        case "--key-store" -> keyStore = value;
        case "--project" -> project = value;
        case "--bigquery-project" -> bigQueryProject = value;
        case "--dataset-prefix" -> prefix = value;
        default -> endpoint = value;
      }
    }
    require("--subject", subject, "the id of the data subject to forget, e.g. customer-42");
    require(
        "--actor",
        actor,
        "who asks for the forget, kept in the audit record, e.g. dpo:ticket-1234");
    require("--key-store", keyStore, "the JDBC URL of the key store, jdbc:postgresql://...");
    require("--project", project, "the Google Cloud project of the Pub/Sub topics");
    KeyStoreAccess.checkUrl(keyStore);
    checkProject("--project", project);
    if (bigQueryProject != null) {
      checkProject("--bigquery-project", bigQueryProject);
    } else if (prefix != null || endpoint != null) {
      throw new ForgetRefusedException(
          (prefix != null ? "--dataset-prefix" : "--bigquery-endpoint")
              + " is only allowed with --bigquery-project (the project of the key table)\n"
              + USAGE);
    }
    String datasetPrefix = prefix == null ? "" : prefix;
    if (!DATASET_PREFIX.matcher(datasetPrefix).matches()) {
      throw new ForgetRefusedException(
          "--dataset-prefix '"
              + datasetPrefix
              + "' is not allowed; allowed: up to 64 letters, digits and underscores, the"
              + " environment's dataset_prefix (empty for none)");
    }
    if (endpoint != null && !endpoint.matches("https?://[^/\\s]+/?")) {
      throw new ForgetRefusedException(
          "--bigquery-endpoint '"
              + endpoint
              + "' is not allowed; allowed: an http(s)://host[:port] API root (default"
              + " https://bigquery.googleapis.com)");
    }
    return new ForgetArguments(
        subject,
        actor,
        keyStore,
        project,
        Optional.ofNullable(bigQueryProject),
        datasetPrefix,
        Optional.ofNullable(endpoint),
        dryRun);
  }

  /** The BigQuery dataset id of the system dataset, {@code <prefix>entityflow}. */
  public String systemDataset() {
    return datasetPrefix + PhysicalLayout.SYSTEM_DATASET;
  }

  private static void require(String option, String value, String what) {
    if (value == null || value.isBlank()) {
      throw new ForgetRefusedException(
          option
              + " is required"
              + (value == null ? "" : " and must not be blank")
              + ": "
              + what
              + "\n"
              + USAGE);
    }
  }

  private static void checkProject(String option, String value) {
    if (!PROJECT.matcher(value).matches()) {
      throw new ForgetRefusedException(
          option
              + " '"
              + value
              + "' is not allowed; allowed: a Google Cloud project id (6 to 30 lower-case letters,"
              + " digits and hyphens, starting with a letter)");
    }
  }
}
