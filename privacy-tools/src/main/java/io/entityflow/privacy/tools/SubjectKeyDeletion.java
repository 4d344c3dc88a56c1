package io.entityflow.privacy.tools;

import com.google.pubsub.v1.TopicName;
import io.entityflow.contract.keys.v1.SubjectKeyProto;
import io.entityflow.contract.layout.SystemEntities;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.DefaultEntityPublisher;
import io.entityflow.publisher.PublishReceipt;
import io.entityflow.publisher.config.PublisherConfiguration;
import io.entityflow.publisher.metrics.PublisherMetrics;
import io.entityflow.publisher.privacy.SubjectKeyEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Publishes the {@code SubjectKey} DELETED event of a forgotten subject to the contract's topic
 * ({@code projects/<project>/topics/subject_key_v1}) and waits until Pub/Sub stored it.
 *
 * <pre>{@code
 * PublishReceipt receipt = new SubjectKeyDeletion("acme-prod", null)
 *     .publish("customer-42", forgottenAt);  // throws when Pub/Sub did not store it
 * }</pre>
 *
 * <p>Guarantees: the message is made by the publisher library's {@link DefaultEntityPublisher}
 * (used without Micronaut), so it carries exactly the attributes and ordering key a service's
 * SubjectKey events carry (producer {@value #PRODUCER}, occurred_at = the forget's time); its
 * payload holds only subject_id; its event id is the one every publisher of this forget uses
 * ({@link SubjectKeyEvents#deletedEventId}), so a service's republisher sending it again makes no
 * second event. Topics are never created. Returns only once Pub/Sub acknowledged; otherwise throws
 * naming the topic.
 */
public final class SubjectKeyDeletion {
  /** The {@code producer} attribute of the events this command publishes. */
  public static final String PRODUCER = "entityflow-forget";

  private static final EntityRegistry SYSTEM =
      EntityRegistry.fromFiles(List.of(SubjectKeyProto.getDescriptor()));

  private final String project;
  private final String emulatorHost;

  /**
   * Publishes to {@code project}; to the emulator at {@code emulatorHost} ({@code host:port}) when
   * it is not null or blank, else to Google with the application default credentials.
   */
  public SubjectKeyDeletion(String project, String emulatorHost) {
    this.project = project;
    this.emulatorHost = emulatorHost;
  }

  /** The full name of the topic the event goes to. */
  public String topic() {
    return TopicName.of(project, SystemEntities.subjectKey().topicName()).toString();
  }

  /**
   * Publishes SubjectKey DELETED of {@code subjectId} and waits for Pub/Sub's answer.
   *
   * @return the receipt (event id, message id, topic)
   * @throws ForgetStepException ({@link ForgetExit#NOT_PUBLISHED}) when it was not stored
   */
  public PublishReceipt publish(String subjectId, Instant forgottenAt) {
    PublisherConfiguration configuration = new PublisherConfiguration();
    configuration.setProjectId(project);
    configuration.setProducer(PRODUCER);
    configuration.setEmulatorHost(emulatorHost);
    configuration.setShutdownTimeout(Duration.ofSeconds(10));
    DefaultEntityPublisher publisher =
        new DefaultEntityPublisher(configuration, SYSTEM, new PublisherMetrics(null), PRODUCER);
    try {
      return publisher.publish(SubjectKeyEvents.deleted(subjectId, forgottenAt)).get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause().getCause() != null ? e.getCause().getCause() : e.getCause();
      throw failed(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(e);
    } catch (RuntimeException e) {
      throw failed(e);
    } finally {
      publisher.close();
    }
  }

  private ForgetStepException failed(Throwable cause) {
    String reason = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    return new ForgetStepException(
        ForgetExit.NOT_PUBLISHED,
        "could not publish SubjectKey DELETED to Pub/Sub topic "
            + topic()
            + ": "
            + reason
            + (reason.contains("NOT_FOUND")
                ? " (does the topic exist in project " + project + "? Terraform creates it)"
                : ""),
        cause);
  }
}
