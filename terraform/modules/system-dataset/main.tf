# Entityflow's own dataset: the shared dead-letter table (rows the pipeline could not write, with
# their original payload) and the pipeline heartbeat alerting relies on. Analysts get no access.

resource "google_bigquery_dataset" "entityflow" {
  project     = var.project_id
  dataset_id  = var.dataset
  location    = var.location
  description = "Entityflow system tables: dead letters and pipeline heartbeats."
  labels      = var.labels
}

resource "google_bigquery_table" "dead_letter" {
  project             = var.project_id
  dataset_id          = google_bigquery_dataset.entityflow.dataset_id
  table_id            = "dead_letter"
  description         = "Messages the pipeline could not write, with the error and the original payload."
  schema              = file("${path.module}/schemas/dead_letter.json")
  deletion_protection = var.deletion_protection
  labels              = var.labels

  time_partitioning {
    type          = "DAY"
    field         = "failed_at"
    expiration_ms = var.dead_letter_retention_days > 0 ? var.dead_letter_retention_days * 86400000 : null
  }
}

resource "google_bigquery_table" "pipeline_heartbeat" {
  project             = var.project_id
  dataset_id          = google_bigquery_dataset.entityflow.dataset_id
  table_id            = "pipeline_heartbeat"
  description         = "Periodic heartbeat of the pipeline: every event published before ingested_through is written."
  schema              = file("${path.module}/schemas/pipeline_heartbeat.json")
  deletion_protection = var.deletion_protection
  labels              = var.labels

  time_partitioning {
    type  = "DAY"
    field = "written_at"
  }
}
