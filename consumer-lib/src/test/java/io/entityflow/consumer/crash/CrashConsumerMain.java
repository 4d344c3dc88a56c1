package io.entityflow.consumer.crash;

import io.micronaut.context.ApplicationContext;
import java.util.Map;

/**
 * The consumer process of {@code CrashMidBatchIT}: a Micronaut context with {@link CrashHandler}
 * and the JDBC dedup store, running until killed.
 *
 * <p>Arguments: emulator host:port, project id, JDBC URL, run number.
 */
public final class CrashConsumerMain {
  private CrashConsumerMain() {}

  public static void main(String[] args) throws Exception {
    ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "spec.name", "CrashMidBatchIT",
                "entityflow.consumer.emulator-host", args[0],
                "entityflow.consumer.project-id", args[1],
                "crash.jdbc-url", args[2],
                "crash.run", args[3],
                "entityflow.consumer.dedup.store", "jdbc",
                "entityflow.consumer.executor-threads", 4));
    System.out.println("consumer running: " + context.isRunning());
    Thread.currentThread().join();
  }
}
