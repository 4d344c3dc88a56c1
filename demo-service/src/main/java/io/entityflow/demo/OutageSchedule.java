package io.entityflow.demo;

import io.entityflow.contract.Operation;
import java.time.Duration;

/**
 * The scheduled outage of the demo: one entity and operation stop for a while, as if a bug in the
 * service stopped them, then come back. The alerting service should fire during it and resolve
 * after it.
 *
 * <pre>{@code
 * OutageSchedule outage = new OutageSchedule("Sale", Operation.CREATED, Duration.ofMinutes(4), Duration.ofMinutes(3));
 * outage.suppresses("Sale", Operation.CREATED, Duration.ofMinutes(5)); // true
 * }</pre>
 */
public record OutageSchedule(
    String entity, Operation operation, Duration startAfter, Duration duration) {

  /** No outage at all. */
  public static OutageSchedule none() {
    return new OutageSchedule("", Operation.CREATED, Duration.ZERO, Duration.ZERO);
  }

  /** Whether events of this entity and operation are held back at {@code elapsed}. */
  public boolean suppresses(String entityName, Operation op, Duration elapsed) {
    return entity.equals(entityName)
        && operation == op
        && elapsed.compareTo(startAfter) >= 0
        && elapsed.compareTo(startAfter.plus(duration)) < 0;
  }

  /** Whether the outage is under way at {@code elapsed}. */
  public boolean active(Duration elapsed) {
    return !entity.isEmpty() && suppresses(entity, operation, elapsed);
  }
}
