package io.entityflow.privacy.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForgetArgumentsTest {
  private static final List<String> REQUIRED =
      List.of(
          "--subject", "customer-42",
          "--actor", "dpo:ticket-1",
          "--key-store", "jdbc:postgresql://10.0.0.5:5432/checkout",
          "--project", "acme-prod");

  private static List<String> with(String... extra) {
    List<String> args = new ArrayList<>(REQUIRED);
    args.addAll(List.of(extra));
    return args;
  }

  @Test
  void requiredOptionsAloneLeaveBigQueryToTheSweep() {
    ForgetArguments arguments = ForgetArguments.parse(REQUIRED);

    assertThat(arguments)
        .isEqualTo(
            new ForgetArguments(
                "customer-42",
                "dpo:ticket-1",
                "jdbc:postgresql://10.0.0.5:5432/checkout",
                "acme-prod",
                Optional.empty(),
                "",
                Optional.empty(),
                false));
    assertThat(arguments.systemDataset()).isEqualTo("entityflow");
  }

  @Test
  void datasetPrefixNamesThePrefixedSystemDataset() {
    ForgetArguments arguments =
        ForgetArguments.parse(
            with("--bigquery-project", "acme-data", "--dataset-prefix", "prod_", "--dry-run"));

    assertThat(arguments.bigQueryProject()).contains("acme-data");
    assertThat(arguments.systemDataset()).isEqualTo("prod_entityflow");
    assertThat(arguments.dryRun()).isTrue();
  }

  @Test
  void aMissingActorIsRefusedSayingWhatItIsFor() {
    assertThatThrownBy(
            () ->
                ForgetArguments.parse(
                    List.of(
                        "--subject", "c-1",
                        "--key-store", "jdbc:postgresql://db/keys",
                        "--project", "acme-prod")))
        .isInstanceOf(ForgetRefusedException.class)
        .hasMessage(
            "--actor is required: who asks for the forget, kept in the audit record, e.g."
                + " dpo:ticket-1234\n"
                + ForgetArguments.USAGE);
  }

  @Test
  void anUnknownOptionIsRefusedListingTheAllowedOnes() {
    assertThatThrownBy(() -> ForgetArguments.parse(with("--kek-uri", "gcp-kms://x")))
        .isInstanceOf(ForgetRefusedException.class)
        .hasMessage(
            "option '--kek-uri' is not allowed; allowed: --subject, --actor, --key-store,"
                + " --project, --bigquery-project, --dataset-prefix, --bigquery-endpoint,"
                + " --dry-run\n"
                + ForgetArguments.USAGE);
  }

  @Test
  void aNonPostgresqlKeyStoreUrlIsRefusedNamingTheAllowedForm() {
    assertThatThrownBy(
            () ->
                ForgetArguments.parse(
                    List.of(
                        "--subject", "c-1",
                        "--actor", "dpo",
                        "--key-store", "jdbc:mysql://db:3306/keys",
                        "--project", "acme-prod")))
        .isInstanceOf(ForgetRefusedException.class)
        .hasMessage(
            "--key-store 'jdbc:mysql://db:3306/keys' is not allowed; allowed: a PostgreSQL JDBC"
                + " URL, jdbc:postgresql://<host>[:<port>]/<database>[?<options>] (the database"
                + " of the service whose entityflow.privacy.key-store is jdbc)");
  }

  @Test
  void aKeyStoreUrlWithAPasswordIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(
            () -> KeyStoreAccess.checkUrl("jdbc:postgresql://db/keys?user=u&password=s3cret"))
        .isInstanceOf(ForgetRefusedException.class)
        .hasMessage(
            "--key-store must not hold credentials (it has a 'password' parameter); allowed:"
                + " the URL without them, with the user in ENTITYFLOW_KEY_STORE_USER and the"
                + " password in ENTITYFLOW_KEY_STORE_PASSWORD")
        .message()
        .doesNotContain("s3cret");
  }

  @Test
  void aUrlWithUserInfoIsRedactedWhenRefused() {
    assertThatThrownBy(() -> KeyStoreAccess.checkUrl("postgres://u:s3cret@db/keys"))
        .isInstanceOf(ForgetRefusedException.class)
        .message()
        .startsWith("--key-store 'postgres://***@db/keys' is not allowed;")
        .doesNotContain("s3cret");
  }

  @Test
  void aBadProjectIdIsRefusedNamingTheOptionAndTheAllowedForm() {
    assertThatThrownBy(() -> ForgetArguments.parse(with("--bigquery-project", "Acme Data")))
        .isInstanceOf(ForgetRefusedException.class)
        .hasMessage(
            "--bigquery-project 'Acme Data' is not allowed; allowed: a Google Cloud project id (6"
                + " to 30 lower-case letters, digits and hyphens, starting with a letter)");
  }

  @Test
  void aDatasetPrefixWithoutBigQueryProjectIsRefused() {
    assertThatThrownBy(() -> ForgetArguments.parse(with("--dataset-prefix", "prod_")))
        .isInstanceOf(ForgetRefusedException.class)
        .hasMessage(
            "--dataset-prefix is only allowed with --bigquery-project (the project of the key"
                + " table)\n"
                + ForgetArguments.USAGE);
  }

  @Test
  void aDatasetPrefixWithAHyphenIsRefused() {
    assertThatThrownBy(
            () ->
                ForgetArguments.parse(
                    with("--bigquery-project", "acme-data", "--dataset-prefix", "prod-")))
        .isInstanceOf(ForgetRefusedException.class)
        .hasMessage(
            "--dataset-prefix 'prod-' is not allowed; allowed: up to 64 letters, digits and"
                + " underscores, the environment's dataset_prefix (empty for none)");
  }
}
