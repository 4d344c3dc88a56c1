variable "current_tables" {
  description = "Also create each contract entity's current-state table <table>_current (primary key on the id, max_staleness) and start the pipeline with --currentTables=true, which keeps it by BigQuery change data capture. See docs/current-state.md."
  type        = bool
  default     = false
}

variable "current_table_max_staleness" {
  description = "max_staleness of the current-state tables, as a BigQuery INTERVAL 'Y-M D H:M:S' (default 15 minutes): queries may see changes up to this old, and BigQuery applies pending changes in the background instead of at query time."
  type        = string
  default     = "0-0 0 0:15:0"
}
