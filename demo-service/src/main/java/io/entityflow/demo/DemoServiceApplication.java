package io.entityflow.demo;

import io.micronaut.runtime.Micronaut;

/**
 * Starts the demo service. Configuration: {@code entityflow.demo.*} ({@link DemoConfiguration}) and
 * {@code entityflow.publisher.*} (the publisher library); {@code PUBSUB_EMULATOR_HOST} points it at
 * the emulator; {@code datasources.default.*} with {@code entityflow.outbox.enabled=true} (local
 * mode sets both) sends its sales through the transactional outbox of that database.
 *
 * <pre>{@code
 * java -Dentityflow.demo.day-length=10m -cp ... io.entityflow.demo.DemoServiceApplication
 * }</pre>
 */
public final class DemoServiceApplication {
  private DemoServiceApplication() {}

  /** Entry point. */
  public static void main(String[] args) {
    Micronaut.run(DemoServiceApplication.class, args);
  }
}
