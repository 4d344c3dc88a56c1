-- Event ids each consumer has handled: the JDBC dedup store of entityflow-consumer.
-- Flyway: add classpath:db/entityflow-consumer to flyway.datasources.default.locations,
-- or run it once with JdbcDedupStore.migrate().
CREATE TABLE IF NOT EXISTS entityflow_consumer_handled_events (
  consumer   VARCHAR(64)              NOT NULL,
  event_id   VARCHAR(128)             NOT NULL,
  handled_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (consumer, event_id)
);

CREATE INDEX IF NOT EXISTS entityflow_consumer_handled_events_handled_at
  ON entityflow_consumer_handled_events (handled_at);
