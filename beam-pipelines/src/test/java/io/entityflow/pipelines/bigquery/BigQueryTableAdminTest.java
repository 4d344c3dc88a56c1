package io.entityflow.pipelines.bigquery;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.Credentials;
import org.apache.beam.sdk.extensions.gcp.auth.CredentialFactory;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class BigQueryTableAdminTest {
  /** What Beam's default factory returns on a machine without application default credentials. */
  public static final class NoCredentialsFound implements CredentialFactory {
    public static NoCredentialsFound fromOptions(PipelineOptions options) {
      return new NoCredentialsFound();
    }

    @Override
    public Credentials getCredential() {
      return null;
    }
  }

  @Test
  void startUpWithoutCredentialsSaysHowToProvideThemInsteadOfFailingWithANullPointer() {
    BigQueryOptions options = PipelineOptionsFactory.create().as(BigQueryOptions.class);
    options.setCredentialFactoryClass(NoCredentialsFound.class);
    options.setProject("acme-data");

    assertThatThrownBy(() -> BigQueryTableAdmin.create(options))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "no Google Cloud credentials to read the BigQuery tables at start-up; log in with"
                + " 'gcloud auth application-default login', run with a service account, or pass"
                + " --verifyTables=false");
  }
}
