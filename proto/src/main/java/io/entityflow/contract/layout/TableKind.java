package io.entityflow.contract.layout;

/** What a table of the layout holds. */
public enum TableKind {
  /** The history table of one entity: one row per published change. */
  ENTITY,
  /** Messages or rows the pipeline could not write, with their original payload. */
  DEAD_LETTER,
  /** Periodic pipeline heartbeats: how far ingestion is complete. */
  HEARTBEAT,
  /**
   * The current state of one entity: one row per id, kept by BigQuery change data capture (UPSERT
   * and DELETE by primary key); not partitioned.
   */
  CURRENT
}
