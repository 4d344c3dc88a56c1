-- The transactional outbox of entityflow-outbox (PostgreSQL). One row per recorded event, inserted
-- in the service's own transaction, deleted by the relay once Pub/Sub confirmed it.
CREATE TABLE entityflow_outbox (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- insert order
  event_id        UUID        NOT NULL,                            -- the event_id attribute
  topic           TEXT        NOT NULL,                            -- short topic name, e.g. sale_v1
  ordering_key    TEXT        NOT NULL,                            -- the contract's bucket of the id
  attributes      JSONB       NOT NULL,                            -- every Pub/Sub attribute
  payload         BYTEA       NOT NULL,                            -- the serialized entity
  created_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  attempts        INTEGER     NOT NULL DEFAULT 0,                  -- failed publish attempts
  next_attempt_at TIMESTAMPTZ,                                     -- set while backing off
  last_error      TEXT,                                            -- reason of the last failure
  invalid_reason  TEXT                                             -- set: parked, never published
);

-- the rows of one ordering key in insert order (what a relay reads after claiming the key)
CREATE INDEX entityflow_outbox_key_idx ON entityflow_outbox (topic, ordering_key, id);

-- the few rows backing off after a failed publish (their keys wait)
CREATE INDEX entityflow_outbox_retry_idx ON entityflow_outbox (topic, ordering_key)
  WHERE next_attempt_at IS NOT NULL;

-- wakes idle relays (LISTEN entityflow_outbox); one notification per insert statement, and
-- PostgreSQL folds equal notifications of one transaction into one, delivered at commit
CREATE FUNCTION entityflow_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('entityflow_outbox', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER entityflow_outbox_notify
  AFTER INSERT ON entityflow_outbox
  FOR EACH STATEMENT EXECUTE FUNCTION entityflow_outbox_notify();
