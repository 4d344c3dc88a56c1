# The entity's current-state table <table>_current: one row per id, kept by BigQuery change data
# capture from the pipeline (--currentTables=true). Created only when the environment turns
# current tables on (and not for system entities, whose current_table is empty).

variable "current_tables" {
  description = "Create the current-state table (the pipeline keeps it with --currentTables=true)."
  type        = bool
  default     = false
}

variable "current_table" {
  description = "Name of the current-state table from the layout, e.g. sale_v1_current; empty for an entity without one."
  type        = string
  default     = ""
}

variable "current_table_max_staleness" {
  description = "How stale a query of the current-state table may be (BigQuery INTERVAL 'Y-M D H:M:S'); BigQuery applies the pending changes in the background at about this period, which keeps queries cheap."
  type        = string
  default     = "0-0 0 0:15:0"
}

resource "google_bigquery_table" "current" {
  count = var.current_tables && var.current_table != "" ? 1 : 0

  project             = var.project_id
  dataset_id          = var.dataset
  table_id            = var.current_table
  description         = "Current state of every id of ${var.table} (one row per id, deleted ids removed), kept by BigQuery change data capture; history in ${var.table}."
  schema              = var.bigquery_schema
  clustering          = [var.id_field]
  max_staleness       = var.current_table_max_staleness
  deletion_protection = false
  labels              = local.labels

  # BigQuery CDC applies UPSERT and DELETE by this key; BigQuery does not enforce it.
  table_constraints {
    primary_key {
      columns = [var.id_field]
    }
  }
}

output "current_table" {
  description = "Name of the current-state table, or null when it is not created."
  value       = one(google_bigquery_table.current[*].table_id)
}
