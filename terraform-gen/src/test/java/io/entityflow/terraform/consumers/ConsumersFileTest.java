package io.entityflow.terraform.consumers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumersFileTest {
  private static final EntityRegistry REGISTRY = EntityRegistry.load();
  private static final PhysicalLayout LAYOUT = PhysicalLayout.of(REGISTRY);
  private static final EntityDefinition SALE =
      REGISTRY.find("acme.retail.sale.v1.Sale").orElseThrow();
  private static final EntityDefinition CUSTOMER =
      REGISTRY.find("acme.retail.customer.v1.Customer").orElseThrow();

  @TempDir Path dir;

  private static List<ConsumerSpec> parse(String text) {
    return ConsumersFile.parse(text, "consumers.yaml", REGISTRY);
  }

  private static void refused(String text, String message) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void aPlainNameGetsTheLayoutsResourcesAndEveryDefault() {
    assertThat(parse("sale_v1: [loyalty_accrual]"))
        .containsExactly(ConsumerSpec.withDefaults(LAYOUT.consumer(SALE, "loyalty_accrual")));
    ConsumerSpec defaults = parse("sale_v1: loyalty_accrual").get(0);
    assertThat(defaults.ordering()).isTrue();
    assertThat(defaults.maxDeliveryAttempts()).isEqualTo(10);
    assertThat(defaults.ackDeadlineSeconds()).isEqualTo(60);
    assertThat(defaults.minimumBackoff()).isEqualTo("10s");
    assertThat(defaults.maximumBackoff()).isEqualTo("600s");
    assertThat(defaults.replay()).isTrue();
  }

  @Test
  void anObjectSetsEveryOptionAndTheFullNameSelectsTheEntity() {
    assertThat(
            parse(
                "acme.retail.customer.v1.Customer:\n"
                    + "  - name: crm_sync\n"
                    + "    ordering: false\n"
                    + "    max_delivery_attempts: 5\n"
                    + "    ack_deadline_seconds: 600\n"
                    + "    minimum_backoff: 0.5s\n"
                    + "    maximum_backoff: 30s\n"
                    + "    replay: false\n"))
        .containsExactly(
            new ConsumerSpec(
                LAYOUT.consumer(CUSTOMER, "crm_sync"), false, 5, 600, "0.5s", "30s", false));
  }

  @Test
  void jsonIsReadToo() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("consumers.json"),
            "{\"sale_v1\": [\"a_one\", {\"name\": \"b_two\", \"max_delivery_attempts\": 100}],"
                + " \"customer_v1\": []}");

    assertThat(ConsumersFile.read(file, REGISTRY))
        .extracting(s -> s.resources().subscription() + " " + s.maxDeliveryAttempts())
        .containsExactly("sale_v1_a_one 10", "sale_v1_b_two 100");
    assertThat(ConsumersFile.find(dir)).contains(file);
  }

  @Test
  void findPrefersYamlAndFindsNothingInAnEmptyDirectory() throws Exception {
    assertThat(ConsumersFile.find(dir)).isEmpty();
    Files.writeString(dir.resolve("consumers.json"), "{}");
    Path yaml = Files.writeString(dir.resolve("consumers.yaml"), "");

    assertThat(ConsumersFile.find(dir)).contains(yaml);
    assertThat(ConsumersFile.read(yaml, REGISTRY)).isEmpty();
  }

  @Test
  void unknownTopicIsRefusedListingTheTopics() {
    assertThatThrownBy(() -> parse("sales: [crm]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "consumers file consumers.yaml: unknown entity topic 'sales'; allowed: an entity"
                + " topic [")
        .hasMessageContaining("sale_v1")
        .hasMessageEndingWith("] or the entity's full name");
  }

  @Test
  void nameTheLayoutRefusesIsRefusedWithTheLayoutsReason() {
    assertThatThrownBy(() -> parse("sale_v1: [Loyalty]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "consumers file consumers.yaml, sale_v1: consumer name 'Loyalty' is not allowed;"
                + " allowed: lower snake case");
  }

  @Test
  void consumerListedTwiceForATopicIsRefused() {
    refused(
        "sale_v1: [crm, {name: crm}]",
        "consumers file consumers.yaml, sale_v1: consumer 'crm' is listed twice; each consumer of"
            + " a topic once");
  }

  @Test
  void theSameConsumerOnTwoTopicsIsAllowed() {
    assertThat(parse("sale_v1: [crm]\ncustomer_v1: [crm]"))
        .extracting(s -> s.resources().subscription())
        .containsExactly("sale_v1_crm", "customer_v1_crm");
  }

  @Test
  void unknownOptionIsRefusedListingTheOptions() {
    refused(
        "sale_v1: [{name: crm, max_attempts: 5}]",
        "consumers file consumers.yaml, sale_v1: unknown consumer option 'max_attempts'; allowed:"
            + " [name, ordering, max_delivery_attempts, ack_deadline_seconds, minimum_backoff,"
            + " maximum_backoff, replay]");
  }

  @Test
  void objectWithoutNameIsRefused() {
    refused(
        "sale_v1: [{ordering: true}]",
        "consumers file consumers.yaml, sale_v1: consumer {ordering=true} has no name; allowed: a"
            + " name such as loyalty_accrual, or an object with 'name'");
  }

  @Test
  void valuesPubSubWouldRefuseAreRefused() {
    refused(
        "sale_v1: [{name: crm, max_delivery_attempts: 4}]",
        "consumers file consumers.yaml, sale_v1, consumer crm: max_delivery_attempts 4 is not"
            + " allowed; allowed: an integer from 5 to 100");
    refused(
        "sale_v1: [{name: crm, ack_deadline_seconds: 601}]",
        "consumers file consumers.yaml, sale_v1, consumer crm: ack_deadline_seconds 601 is not"
            + " allowed; allowed: an integer from 10 to 600");
    refused(
        "sale_v1: [{name: crm, maximum_backoff: 10m}]",
        "consumers file consumers.yaml, sale_v1, consumer crm: maximum_backoff 10m is not"
            + " allowed; allowed: seconds with an s suffix from 0s to 600s, e.g. 10s or 0.5s");
    refused(
        "sale_v1: [{name: crm, minimum_backoff: 601s}]",
        "consumers file consumers.yaml, sale_v1, consumer crm: minimum_backoff 601s is not"
            + " allowed; allowed: seconds with an s suffix from 0s to 600s, e.g. 10s or 0.5s");
    refused(
        "sale_v1: [{name: crm, minimum_backoff: 60s, maximum_backoff: 30s}]",
        "consumers file consumers.yaml, sale_v1, consumer crm: minimum_backoff 60s is longer"
            + " than maximum_backoff 30s; allowed: minimum_backoff <= maximum_backoff");
    refused(
        "sale_v1: [{name: crm, ordering: yes please}]",
        "consumers file consumers.yaml, sale_v1, consumer crm: ordering yes please is not"
            + " allowed; allowed: true or false");
  }

  @Test
  void aFileThatIsNotAMapIsRefused() {
    refused(
        "- sale_v1",
        "consumers file consumers.yaml must map entity topics to lists of consumers, e.g."
            + " 'sale_v1: [loyalty_accrual]'");
  }
}
