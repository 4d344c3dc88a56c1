package io.entityflow.publisher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.batching.FlowController.LimitExceededBehavior;
import com.google.api.gax.retrying.RetrySettings;
import io.entityflow.publisher.internal.ClientSettings;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublisherConfigurationTest {

  @Test
  void defaultsApplyWhenNothingIsSet() {
    try (ApplicationContext context = ApplicationContext.run(Map.of("spec.name", "config"))) {
      PublisherConfiguration config = context.getBean(PublisherConfiguration.class);
      assertThat(config.isEnabled()).isTrue();
      assertThat(config.getProjectId()).isNull();
      assertThat(config.isMessageOrdering()).isTrue();
      assertThat(config.isCreateMissingTopics()).isFalse();
      assertThat(config.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
      assertThat(config.getBatching().getElementCount()).isEqualTo(1000);
      assertThat(config.getBatching().getRequestBytes()).isEqualTo(1_000_000);
      assertThat(config.getBatching().getDelay()).isEqualTo(Duration.ofMillis(50));
      assertThat(config.getFlowControl().getMaxOutstandingElements()).isEqualTo(50_000);
      assertThat(config.getFlowControl().getMaxOutstandingBytes()).isEqualTo(67_108_864);
      assertThat(config.getFlowControl().getLimitBehavior()).isEqualTo(LimitBehavior.BLOCK);
      assertThat(config.getRetry().getTotalTimeout()).isEqualTo(Duration.ofSeconds(60));
    }
  }

  @Test
  void everyKeyBindsFromTheContext() {
    Map<String, Object> properties =
        Map.ofEntries(
            Map.entry("entityflow.publisher.project-id", "acme-prod"),
            Map.entry("entityflow.publisher.producer", "checkout"),
            Map.entry("entityflow.publisher.emulator-host", "127.0.0.1:8599"),
            Map.entry("entityflow.publisher.message-ordering", false),
            Map.entry("entityflow.publisher.create-missing-topics", true),
            Map.entry("entityflow.publisher.shutdown-timeout", "5s"),
            Map.entry("entityflow.publisher.batching.element-count", 500),
            Map.entry("entityflow.publisher.batching.request-bytes", 200_000),
            Map.entry("entityflow.publisher.batching.delay", "25ms"),
            Map.entry("entityflow.publisher.flow-control.max-outstanding-elements", 7),
            Map.entry("entityflow.publisher.flow-control.max-outstanding-bytes", 300_000),
            Map.entry("entityflow.publisher.flow-control.limit-behavior", "FAIL"),
            Map.entry("entityflow.publisher.retry.total-timeout", "13s"),
            Map.entry("entityflow.publisher.retry.initial-delay", "50ms"),
            Map.entry("entityflow.publisher.retry.max-delay", "1s"),
            Map.entry("entityflow.publisher.retry.rpc-timeout", "2s"),
            Map.entry("entityflow.publisher.enabled", false));
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      PublisherConfiguration config = context.getBean(PublisherConfiguration.class);
      assertThat(config.getProjectId()).isEqualTo("acme-prod");
      assertThat(config.getProducer()).isEqualTo("checkout");
      assertThat(config.getEmulatorHost()).isEqualTo("127.0.0.1:8599");
      assertThat(config.isMessageOrdering()).isFalse();
      assertThat(config.isCreateMissingTopics()).isTrue();
      assertThat(config.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(5));

      BatchingSettings batching = ClientSettings.batching(config);
      assertThat(batching.getElementCountThreshold()).isEqualTo(500);
      assertThat(batching.getRequestByteThreshold()).isEqualTo(200_000);
      assertThat(batching.getDelayThresholdDuration()).isEqualTo(Duration.ofMillis(25));
      assertThat(batching.getFlowControlSettings().getMaxOutstandingElementCount()).isEqualTo(7);
      assertThat(batching.getFlowControlSettings().getMaxOutstandingRequestBytes())
          .isEqualTo(300_000);
      assertThat(batching.getFlowControlSettings().getLimitExceededBehavior())
          .isEqualTo(LimitExceededBehavior.ThrowException);

      RetrySettings retry = ClientSettings.retry(config);
      assertThat(retry.getTotalTimeoutDuration()).isEqualTo(Duration.ofSeconds(13));
      assertThat(retry.getInitialRetryDelayDuration()).isEqualTo(Duration.ofMillis(50));
      assertThat(retry.getMaxRetryDelayDuration()).isEqualTo(Duration.ofSeconds(1));
      assertThat(retry.getInitialRpcTimeoutDuration()).isEqualTo(Duration.ofSeconds(2));
    }
  }

  @Test
  void defaultFlowControlBlocksAndSetsBothLimits() {
    BatchingSettings batching = ClientSettings.batching(new PublisherConfiguration());
    assertThat(batching.getFlowControlSettings().getLimitExceededBehavior())
        .isEqualTo(LimitExceededBehavior.Block);
    assertThat(batching.getFlowControlSettings().getMaxOutstandingElementCount()).isEqualTo(50_000);
    assertThat(batching.getFlowControlSettings().getMaxOutstandingRequestBytes())
        .isEqualTo(67_108_864);
  }

  @Test
  void batchLargerThanPubSubAllowsIsRefusedNamingTheKey() {
    PublisherConfiguration config = new PublisherConfiguration();
    config.getBatching().setElementCount(5000);
    assertThatThrownBy(() -> ClientSettings.batching(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entityflow.publisher.batching.element-count is 5000; allowed: 1..1000");
  }

  @Test
  void retryTimeoutBelowTheClientsMinimumIsRefused() {
    PublisherConfiguration config = new PublisherConfiguration();
    config.getRetry().setTotalTimeout(Duration.ofSeconds(3));
    assertThatThrownBy(() -> ClientSettings.retry(config))
        .hasMessage(
            "entityflow.publisher.retry.total-timeout is PT3S; allowed: at least PT10S (the Pub/Sub"
                + " client's minimum)");
  }

  @Test
  void byteLimitBelowOneBatchIsRefused() {
    PublisherConfiguration config = new PublisherConfiguration();
    config.getFlowControl().setMaxOutstandingBytes(1000);
    assertThatThrownBy(() -> ClientSettings.batching(config))
        .hasMessage(
            "entityflow.publisher.flow-control.max-outstanding-bytes is 1000; allowed: >="
                + " batching.request-bytes (1000000)");
  }
}
