package io.entityflow.demo;

import io.entityflow.demo.store.DemoDatabase;
import io.micronaut.runtime.Micronaut;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the demo service. Configuration: {@code entityflow.demo.*} ({@link DemoConfiguration}) and
 * {@code entityflow.publisher.*} (the publisher library); {@code PUBSUB_EMULATOR_HOST} points it at
 * the emulator; {@code entityflow.demo.database.directory} starts the demo's own PostgreSQL ({@link
 * DemoDatabase}) whose sales go through the transactional outbox.
 *
 * <pre>{@code
 * java -Dentityflow.demo.day-length=10m -cp ... io.entityflow.demo.DemoServiceApplication
 * }</pre>
 */
public final class DemoServiceApplication {
  private DemoServiceApplication() {}

  /** Entry point. */
  public static void main(String[] args) {
    Optional<DemoDatabase> database = DemoDatabase.startIfConfigured();
    Micronaut.build(args)
        .mainClass(DemoServiceApplication.class)
        .properties(
            database
                .map(DemoDatabase::properties)
                // without a database the sales are published directly, not through the outbox
                .orElse(Map.of("entityflow.outbox.enabled", false)))
        .start();
  }
}
