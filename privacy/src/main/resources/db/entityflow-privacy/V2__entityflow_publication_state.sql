-- Publication state of the SubjectKey events (CREATED for a key row, DELETED for a forget record):
-- published_at is when Pub/Sub acknowledged the row's event; NULL means "still to publish", and the
-- republisher of entityflow-publisher publishes it again (same event id) until it is acknowledged.
--
-- Rows that exist before this migration get NULL: whether their event ever reached Pub/Sub is
-- unknown (a failed publish used to be only logged), so each is published once more after the
-- upgrade. A duplicate of an event that did arrive adds an identical SubjectKey row in BigQuery,
-- which the views and the sweep read the same way as one row.
ALTER TABLE entityflow_subject_keys ADD COLUMN published_at TIMESTAMPTZ NULL;
ALTER TABLE entityflow_forget_audit ADD COLUMN published_at TIMESTAMPTZ NULL;

-- the republisher's queries: unpublished rows, oldest first
CREATE INDEX entityflow_subject_keys_unpublished_idx
  ON entityflow_subject_keys (created_at, subject_id) WHERE published_at IS NULL;
CREATE INDEX entityflow_forget_audit_unpublished_idx
  ON entityflow_forget_audit (id) WHERE published_at IS NULL;
