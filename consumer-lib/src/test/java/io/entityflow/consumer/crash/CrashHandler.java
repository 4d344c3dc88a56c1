package io.entityflow.consumer.crash;

import com.acme.retail.sale.v1.Sale;
import io.entityflow.consumer.EntityEvent;
import io.entityflow.consumer.EntityHandler;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;

/**
 * Writes every handled event id durably (table {@code handled}, one row per call, with the run
 * number), then takes 20 ms, so that a SIGKILL lands while events are being handled.
 */
@Singleton
@Requires(property = "spec.name", value = "CrashMidBatchIT")
public class CrashHandler implements EntityHandler<Sale> {
  private final DataSource dataSource;
  private final int run;

  public CrashHandler(DataSource dataSource, @Value("${crash.run}") int run) {
    this.dataSource = dataSource;
    this.run = run;
  }

  @Override
  public String name() {
    return "crash_consumer";
  }

  @Override
  public void handle(EntityEvent<Sale> event) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO handled (event_id, run) VALUES (?, ?)")) {
      insert.setString(1, event.eventId());
      insert.setInt(2, run);
      insert.executeUpdate();
    }
    Thread.sleep(20);
  }
}
