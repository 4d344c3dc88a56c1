package io.entityflow.terraform.hcl;

import static io.entityflow.terraform.hcl.ExampleEnvironment.eval;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.entityflow.contract.layout.ConsumerResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.terraform.consumers.ConsumerSpec;
import io.entityflow.terraform.consumers.ConsumersFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumers of the example environment's {@code consumers.yaml}, evaluated offline through the
 * generated {@code consumers.auto.tfvars.json}, the {@code consumer} module call and the module's
 * resources: every name equals what consumer-lib uses ({@link PhysicalLayout#consumer}, the same
 * code), the subscriptions' ordering, dead-letter and retry policies carry the file's options, and
 * IAM is exactly what the consumer and Pub/Sub's dead-lettering need.
 */
class ConsumerResourcesIT {
  private static final String ENV = ExampleEnvironment.ENV;
  private static final String CONSUMER = ExampleEnvironment.CONSUMER;
  private static final String PUBSUB_AGENT =
      "serviceAccount:service-"
          + ExampleEnvironment.PROJECT_NUMBER
          + "@gcp-sa-pubsub.iam.gserviceaccount.com";

  private static ExampleEnvironment environment;
  private static TerraformTree tree;
  private static List<ConsumerSpec> specs;

  @BeforeAll
  static void parse() throws Exception {
    environment = ExampleEnvironment.shared();
    tree = environment.tree();
    specs =
        ConsumersFile.read(
            environment.terraformDirectory().resolve(ENV).resolve("consumers.yaml"),
            environment.registry());
  }

  @Test
  void theExampleDeploysTheDemosLoyaltyAccrualConsumerOfSalesAndMemberships() {
    assertThat(specs)
        .extracting(spec -> spec.resources().topic() + "/" + spec.resources().consumer())
        .containsExactly("sale_v1/loyalty_accrual", "loyalty_membership_v1/loyalty_accrual");
    assertThat(environment.consumers().keySet())
        .containsExactlyElementsOf(
            specs.stream().map(spec -> spec.resources().subscription()).toList());
    JsonObject call = tree.module(ENV, "consumer");
    assertThat(call.get("source").getAsString()).isEqualTo("../../modules/consumer");
    assertThat(call.get("for_each").getAsString()).isEqualTo("${var.consumers}");
    assertThat(call.get("topic").getAsString())
        .isEqualTo("${module.entity[each.value.topic].topic}");
  }

  @Test
  void everyNameIsTheOneConsumerLibUses() {
    PhysicalLayout layout = PhysicalLayout.of(environment.registry());
    for (ConsumerSpec spec : specs) {
      ConsumerResources expected =
          layout.consumer(spec.resources().entity(), spec.resources().consumer());
      JsonObject scope = environment.consumerModuleScope(expected.subscription());

      JsonObject subscription = tree.resource(CONSUMER, "google_pubsub_subscription", "consumer");
      assertThat(eval(subscription, "name", scope)).isEqualTo(expected.subscription());
      assertThat(eval(subscription, "topic", scope))
          .isEqualTo("projects/acme-test/topics/" + expected.topic());
      assertThat(eval(tree.resource(CONSUMER, "google_pubsub_topic", "dead_letter"), "name", scope))
          .isEqualTo(expected.deadLetterTopic());
      JsonObject hold = tree.resource(CONSUMER, "google_pubsub_subscription", "dead_letter_hold");
      assertThat(eval(hold, "name", scope)).isEqualTo(expected.deadLetterHoldSubscription());
      assertThat(hold.get("topic").getAsString())
          .isEqualTo("${google_pubsub_topic.dead_letter.id}");
      JsonObject replayTopic = tree.resource(CONSUMER, "google_pubsub_topic", "replay");
      assertThat(eval(replayTopic, "name", scope)).isEqualTo(expected.replayTopic());
      JsonObject replay = tree.resource(CONSUMER, "google_pubsub_subscription", "replay");
      assertThat(eval(replay, "name", scope)).isEqualTo(expected.replaySubscription());
      assertThat(replay.get("topic").getAsString())
          .isEqualTo("${google_pubsub_topic.replay[each.key].id}");
      for (JsonObject replayResource : List.of(replayTopic, replay)) {
        assertThat(replayResource.get("for_each").getAsString())
            .isEqualTo("${local.replay_instances}");
      }
      assertThat(tree.locals(CONSUMER).get("replay_instances").getAsString())
          .isEqualTo("${var.replay ? toset([\"replay\"]) : toset([])}");
      assertThat(scope.getAsJsonObject("var").get("replay").getAsBoolean()).isTrue();
    }
  }

  @Test
  void subscriptionsCarryTheFilesOrderingDeadLetterAndRetryOptions() {
    assertThat(specs.get(0).maxDeliveryAttempts()).isEqualTo(20);
    assertThat(specs.get(0).ackDeadlineSeconds()).isEqualTo(120);
    assertThat(specs.get(1)).isEqualTo(ConsumerSpec.withDefaults(specs.get(1).resources()));
    for (ConsumerSpec spec : specs) {
      JsonObject scope = environment.consumerModuleScope(spec.resources().subscription());
      for (String name : List.of("consumer", "replay")) {
        JsonObject subscription = tree.resource(CONSUMER, "google_pubsub_subscription", name);
        String what = spec.resources().subscription() + " " + name;
        assertThat(Expressions.evaluate(subscription.get("enable_message_ordering"), scope))
            .as(what)
            .isEqualTo(new com.google.gson.JsonPrimitive(spec.ordering()));
        assertThat(Expressions.evaluate(subscription.get("ack_deadline_seconds"), scope).getAsInt())
            .as(what)
            .isEqualTo(spec.ackDeadlineSeconds());
        JsonObject deadLetter = block(subscription, "dead_letter_policy");
        assertThat(deadLetter.get("dead_letter_topic").getAsString())
            .isEqualTo("${google_pubsub_topic.dead_letter.id}");
        assertThat(Expressions.evaluate(deadLetter.get("max_delivery_attempts"), scope).getAsInt())
            .as(what)
            .isEqualTo(spec.maxDeliveryAttempts());
        JsonObject retry = block(subscription, "retry_policy");
        assertThat(eval(retry, "minimum_backoff", scope)).isEqualTo(spec.minimumBackoff());
        assertThat(eval(retry, "maximum_backoff", scope)).isEqualTo(spec.maximumBackoff());
        assertThat(block(subscription, "expiration_policy").get("ttl").getAsString()).isEmpty();
      }
    }
  }

  @Test
  void theConsumerReadsOnlyItsSubscriptionsAndPublishesOnlyItsDeadLettersAndPubSubMayForward() {
    assertThat(tree.blocks(CONSUMER, "resource").keySet())
        .containsExactlyInAnyOrder(
            "google_pubsub_topic",
            "google_pubsub_subscription",
            "google_pubsub_topic_iam_member",
            "google_pubsub_subscription_iam_member");
    for (ConsumerSpec spec : specs) {
      JsonObject scope = environment.consumerModuleScope(spec.resources().subscription());
      String account =
          "serviceAccount:" + ExampleEnvironment.consumerAccount(spec.resources().consumer());
      List<String> grants = new ArrayList<>();
      for (String type :
          List.of("google_pubsub_topic_iam_member", "google_pubsub_subscription_iam_member")) {
        for (Map.Entry<String, com.google.gson.JsonElement> resource :
            tree.blocks(CONSUMER, "resource").getAsJsonObject(type).entrySet()) {
          JsonObject body = TerraformTree.single(resource.getValue());
          String target = body.has("topic") ? "topic" : "subscription";
          grants.add(
              body.get(target).getAsString()
                  + " "
                  + eval(body, "role", scope)
                  + " "
                  + eval(body, "member", scope));
        }
      }
      assertThat(grants)
          .as("grants of %s", spec.resources().subscription())
          .containsExactlyInAnyOrder(
              "${google_pubsub_subscription.consumer.name} roles/pubsub.subscriber " + account,
              "${google_pubsub_subscription.consumer.name} roles/pubsub.viewer " + account,
              "${google_pubsub_subscription.replay[each.key].name} roles/pubsub.subscriber "
                  + account,
              "${google_pubsub_subscription.replay[each.key].name} roles/pubsub.viewer " + account,
              "${google_pubsub_topic.dead_letter.name} roles/pubsub.publisher " + account,
              "${google_pubsub_topic.dead_letter.name} roles/pubsub.publisher " + PUBSUB_AGENT,
              "${google_pubsub_subscription.consumer.name} roles/pubsub.subscriber " + PUBSUB_AGENT,
              "${google_pubsub_subscription.replay[each.key].name} roles/pubsub.subscriber "
                  + PUBSUB_AGENT);
    }
    assertThat(tree.module(ENV, "consumer").get("service_account").getAsString())
        .isEqualTo("${var.consumer_service_accounts[each.value.consumer]}");
  }

  private static JsonObject block(JsonObject body, String name) {
    assertThat(body.has(name)).as("block %s", name).isTrue();
    return body.getAsJsonArray(name).get(0).getAsJsonObject();
  }
}
