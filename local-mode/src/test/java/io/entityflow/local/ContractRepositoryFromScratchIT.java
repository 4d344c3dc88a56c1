package io.entityflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.contract.source.ContractLoader;
import io.entityflow.pipelines.EntityTopicsToBigQuery;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import io.entityflow.privacy.keys.CachingSubjectKeysets;
import io.entityflow.privacy.keys.InMemorySubjectKeyStore;
import io.entityflow.privacy.keys.LocalKeyFileKek;
import io.entityflow.publisher.DefaultEntityPublisher;
import io.entityflow.publisher.PublishReceipt;
import io.entityflow.publisher.config.PublisherConfiguration;
import io.entityflow.publisher.metrics.PublisherMetrics;
import io.entityflow.publisher.privacy.PayloadEncryption;
import io.entityflow.testing.PubSubEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Bring your own contract" from scratch: a contract repository created in a temporary directory
 * outside this source tree, with one entity that is not an acme sample, goes through every tool
 * exactly as {@code proto/README.md} ("A complete minimal example") documents it: {@code contract
 * check} builds its descriptor set, the publisher library publishes to the real Pub/Sub emulator,
 * the local pipeline lands the events (read back with {@code entityflow sql --contract}), the
 * Terraform generator writes its inputs, and {@code schema check} refuses a breaking change.
 */
class ContractRepositoryFromScratchIT {
  /** The one file of the contract repository, {@code proto/bookshop/orders/v1/order.proto}. */
  static final String ORDER_PROTO =
      """
      syntax = "proto3";

      package bookshop.orders.v1;

      import "entityflow/options.proto";
      import "google/protobuf/timestamp.proto";

      option java_package = "com.bookshop.orders.v1";
      option java_multiple_files = true;

      // An order placed in the web shop.
      message Order {
        option (entityflow.entity) = {
          name: "Order"
          id_field: "order_id"
          domain: "bookshop"
          owner: "team-orders"
          description: "Orders placed in the web shop."
        };

        // Unique id of the order.
        string order_id = 1;
        // E-mail address of the customer.
        string customer_email = 2 [(entityflow.sensitivity) = PII];
        // Total to pay, in cents.
        int64 total_cents = 3;
        // When the customer placed the order.
        google.protobuf.Timestamp placed_at = 4;
      }
      """;

  private static final String ENTITY_LINE =
      "bookshop.orders.v1.Order -> topic order_v1, table bookshop.order_v1, id order_id,"
          + " owner team-orders";

  @TempDir Path tmp;

  @Test
  void freshContractRepositoryIsPublishedLandedGeneratedAndChecked() throws Exception {
    Path repo = tmp.resolve("bookshop-contract");
    Path entityflowTree = Path.of("..").toAbsolutePath().normalize();
    assertThat(repo.toAbsolutePath().startsWith(entityflowTree))
        .as(
            "the contract repository %s must lie outside the Entityflow tree %s",
            repo, entityflowTree)
        .isFalse();
    Path protoFile = repo.resolve("proto/bookshop/orders/v1/order.proto");
    Files.createDirectories(protoFile.getParent());
    Files.writeString(protoFile, ORDER_PROTO);

    // 1-2. build the contract without Maven; entityflow/options.proto comes from the proto jar
    Path contract = repo.resolve("build/contract.desc");
    CommandRun check =
        CommandRun.schemaTools(
            "contract",
            "check",
            repo.resolve("proto").toString(),
            "--descriptor-set-out",
            contract.toString());
    assertThat(check.exit())
        .as("step 2, contract check of the fresh repository:\n%s", check)
        .isZero();
    assertThat(check.outLines())
        .as("step 2, contract check output")
        .containsExactly(
            ENTITY_LINE,
            "valid contract: 1 entity",
            "wrote the descriptor set (with imports) to " + contract);
    assertThat(repo.resolve("proto/entityflow")).as("options.proto is not copied").doesNotExist();
    EntityRegistry registry = ContractLoader.registry(contract.toString());

    PubSubEmulator emulator = PubSubEmulator.shared();
    String project = PubSubEmulator.uniqueName("bookshop");
    createTopicAndPipelineSubscription(emulator, project);
    try {
      Path home = tmp.resolve("entityflow-home");
      LocalHome local = new LocalHome(entityflowTree, home);
      PipelineResult pipeline = startLocalPipeline(emulator, project, contract, local.warehouse());
      List<String> eventIds;
      try {
        // 3. publish two events of the new entity, built from the descriptor set alone
        eventIds = publishTwoOrderEvents(emulator, project, registry, tmp.resolve("kek.json"));

        // 4. the events land in bookshop.order_v1; the latest view keeps the update
        String history =
            "SELECT event_id, operation, producer, schema_version, order_id,"
                + " octet_length(customer_email) AS customer_email,"
                + " total_cents, epoch(placed_at)::BIGINT AS placed_at_s"
                + " FROM bookshop.order_v1 ORDER BY occurred_at";
        String rows = awaitSql(local, contract, history, 2);
        assertThat(rows)
            .as("step 4, rows of bookshop.order_v1")
            .isEqualTo(
                LocalSql.render(
                    List.of(
                        List.of(
                            "event_id",
                            "operation",
                            "producer",
                            "schema_version",
                            "order_id",
                            "customer_email",
                            "total_cents",
                            "placed_at_s"),
                        List.of(
                            eventIds.get(0),
                            "CREATED",
                            "bookshop-web",
                            "1.0",
                            "o-1001",
                            // ciphertext: Tink prefix 5 + IV 12 + "ann@example.com" 15 + tag 16
                            "48",
                            "2599",
                            "1795428000"),
                        List.of(
                            eventIds.get(1),
                            "UPDATED",
                            "bookshop-web",
                            "1.0",
                            "o-1001",
                            // ciphertext: Tink prefix 5 + IV 12 + "ann@example.com" 15 + tag 16
                            "48",
                            "3198",
                            "1795428000"))));
        String latest =
            awaitSql(
                local,
                contract,
                "SELECT event_id, operation, order_id, total_cents FROM bookshop.order_v1_latest",
                1);
        assertThat(latest)
            .as("step 4, the latest view of bookshop.order_v1")
            .isEqualTo(
                LocalSql.render(
                    List.of(
                        List.of("event_id", "operation", "order_id", "total_cents"),
                        List.of(eventIds.get(1), "UPDATED", "o-1001", "3198"))));
      } finally {
        pipeline.cancel();
      }
    } finally {
      deleteTopicAndPipelineSubscription(emulator, project);
    }

    // 5. Terraform inputs for the new entity only
    assertTerraformInputs(contract, tmp.resolve("infra"));

    // 6. a breaking change: total_cents renamed, number kept
    Files.writeString(
        protoFile, ORDER_PROTO.replace("int64 total_cents = 3;", "int64 amount_cents = 3;"));
    Path changed = repo.resolve("build/contract-changed.desc");
    CommandRun checkChanged =
        CommandRun.schemaTools(
            "contract",
            "check",
            repo.resolve("proto").toString(),
            "--descriptor-set-out",
            changed.toString());
    assertThat(checkChanged.exit())
        .as("step 6, contract check of the changed repository:\n%s", checkChanged)
        .isZero();
    CommandRun compatibility =
        CommandRun.schemaTools(
            "schema", "check", "--against", contract.toString(), "--current", changed.toString());
    assertThat(compatibility.exit())
        .as("step 6, schema check must refuse the rename:\n%s", compatibility)
        .isEqualTo(1);
    assertThat(compatibility.outLines())
        .as("step 6, schema check names the rule and the renamed field")
        .containsExactly(
            "bookshop/orders/v1/order.proto:26: field-renamed [bigquery-breaking] field 3 of"
                + " bookshop.orders.v1.Order was renamed from 'total_cents' to 'amount_cents': the"
                + " BigQuery column 'total_cents' would vanish and break every query using it. Fix:"
                + " keep the name 'total_cents' (document the new meaning in its comment), or make"
                + " the change in a new major package bookshop.orders.v2 beside the untouched"
                + " bookshop.orders.v1",
            "breaking: 0 wire-breaking, 1 BigQuery-breaking, 0 compatible change(s); a breaking"
                + " change is allowed only as a new major package (.v2) beside the untouched .v1");
  }

  private static void createTopicAndPipelineSubscription(PubSubEmulator emulator, String project) {
    try (TopicAdminClient topics = emulator.topicAdmin();
        SubscriptionAdminClient subscriptions = emulator.subscriptionAdmin()) {
      topics.createTopic(TopicName.of(project, "order_v1"));
      subscriptions.createSubscription(
          Subscription.newBuilder()
              .setName(ProjectSubscriptionName.of(project, "order_v1_pipeline").toString())
              .setTopic(TopicName.of(project, "order_v1").toString())
              .setAckDeadlineSeconds(60)
              .build());
    }
  }

  private static void deleteTopicAndPipelineSubscription(PubSubEmulator emulator, String project) {
    try (TopicAdminClient topics = emulator.topicAdmin();
        SubscriptionAdminClient subscriptions = emulator.subscriptionAdmin()) {
      subscriptions.deleteSubscription(ProjectSubscriptionName.of(project, "order_v1_pipeline"));
      topics.deleteTopic(TopicName.of(project, "order_v1"));
    }
  }

  /** The pipeline as its command line runs it, on the DirectRunner, not blocking. */
  private static PipelineResult startLocalPipeline(
      PubSubEmulator emulator, String project, Path contract, Path warehouse) throws Exception {
    PipelineOptionsFactory.register(EntityTopicsToBigQueryOptions.class);
    EntityTopicsToBigQueryOptions options =
        PipelineOptionsFactory.fromArgs(
                "--runner=DirectRunner",
                "--streaming=true",
                "--blockOnRun=false",
                "--project=" + project,
                "--pubsubRootUrl=" + emulator.rootUrl(),
                "--credentialFactoryClass="
                    + "org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
                "--warehouse=LOCAL",
                "--warehouseDir=" + warehouse,
                "--contract=" + contract,
                // only the new entity's topic exists here (not the subject keys' system topic)
                "--entities=Order",
                "--flushSeconds=1",
                "--heartbeatSeconds=0")
            .withValidation()
            .as(EntityTopicsToBigQueryOptions.class);
    return EntityTopicsToBigQuery.run(options);
  }

  /** A CREATED and an UPDATED event of order o-1001, as {@code DynamicMessage}s. */
  private static List<String> publishTwoOrderEvents(
      PubSubEmulator emulator, String project, EntityRegistry registry, Path kekFile)
      throws Exception {
    Descriptor order = registry.find("bookshop.orders.v1.Order").orElseThrow().descriptor();
    FieldDescriptor placedAt = order.findFieldByName("placed_at");
    DynamicMessage placed =
        DynamicMessage.newBuilder(placedAt.getMessageType())
            .setField(placedAt.getMessageType().findFieldByName("seconds"), 1795428000L)
            .build();
    DynamicMessage created =
        DynamicMessage.newBuilder(order)
            .setField(order.findFieldByName("order_id"), "o-1001")
            .setField(order.findFieldByName("customer_email"), "ann@example.com")
            .setField(order.findFieldByName("total_cents"), 2599L)
            .setField(placedAt, placed)
            .build();
    DynamicMessage updated =
        created.toBuilder().setField(order.findFieldByName("total_cents"), 3198L).build();

    PublisherConfiguration configuration = new PublisherConfiguration();
    configuration.setProjectId(project);
    configuration.setEmulatorHost(emulator.hostPort());
    List<String> eventIds = new ArrayList<>();
    try (DefaultEntityPublisher publisher =
        new DefaultEntityPublisher(
            configuration, registry, new PublisherMetrics(null), "bookshop-web")) {
      // customer_email is PII: published encrypted with the order's subject key
      publisher.usePayloadEncryption(
          PayloadEncryption.encrypting(
              CachingSubjectKeysets.builder(
                      new InMemorySubjectKeyStore(), LocalKeyFileKek.open(kekFile))
                  .build()));
      Instant placedInstant = Instant.ofEpochSecond(1795428000L);
      for (PublishReceipt receipt :
          List.of(
              publisher
                  .publish(created, Operation.CREATED, placedInstant)
                  .get(30, TimeUnit.SECONDS),
              publisher
                  .publish(updated, Operation.UPDATED, placedInstant.plusSeconds(300))
                  .get(30, TimeUnit.SECONDS))) {
        assertThat(receipt.topic())
            .as("step 3, topic of the published event")
            .isEqualTo("order_v1");
        eventIds.add(receipt.eventId());
      }
    }
    return eventIds;
  }

  /**
   * {@code entityflow sql --contract <desc> "<query>"} until it prints {@code rows} rows (header
   * and separator line excluded), for at most 120 s; its output.
   */
  private static String awaitSql(LocalHome home, Path contract, String query, int rows)
      throws Exception {
    CommandRun last = null;
    for (int attempt = 0; attempt < 240; attempt++) {
      last = CommandRun.localMode(home, "sql", "--contract", contract.toString(), query);
      if (last.exit() == 0 && last.outLines().size() - 2 >= rows) {
        return last.out();
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "step 4, expected " + rows + " rows from [" + query + "] within 120 s; last run:\n" + last);
  }

  private static void assertTerraformInputs(Path contract, Path out) throws Exception {
    CommandRun terraform =
        CommandRun.terraform("--contract", contract.toString(), "--out", out.toString());
    assertThat(terraform.exit()).as("step 5, terraform --contract:\n%s", terraform).isZero();
    Path tfvars = out.resolve("entities.auto.tfvars.json");
    assertThat(tfvars).as("step 5, terraform wrote %s", tfvars).isRegularFile();
    JsonObject entities =
        JsonParser.parseString(Files.readString(tfvars))
            .getAsJsonObject()
            .getAsJsonObject("entities");
    // the contract has PII, so the layout adds the subject keys' system entity
    assertThat(entities.keySet())
        .as("step 5, entities of the tfvars")
        .containsExactly("order_v1", "subject_key_v1");
    JsonObject order = entities.getAsJsonObject("order_v1");
    assertThat(order.get("topic").getAsString()).as("step 5, topic").isEqualTo("order_v1");
    assertThat(order.get("pipeline_subscription").getAsString())
        .as("step 5, pipeline subscription")
        .isEqualTo("order_v1_pipeline");
    assertThat(order.get("dataset").getAsString()).as("step 5, dataset").isEqualTo("bookshop");
    assertThat(order.get("table").getAsString()).as("step 5, table").isEqualTo("order_v1");
    assertThat(order.get("owner").getAsString()).as("step 5, owner").isEqualTo("team-orders");
    assertThat(order.get("pii_columns").toString())
        .as("step 5, PII columns")
        .isEqualTo("[\"customer_email\"]");
  }
}
