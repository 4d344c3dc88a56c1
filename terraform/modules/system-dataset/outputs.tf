output "dataset" {
  description = "Name of the system dataset."
  value       = google_bigquery_dataset.entityflow.dataset_id
}

output "dead_letter_table" {
  description = "Name of the dead-letter table."
  value       = google_bigquery_table.dead_letter.table_id
}

output "heartbeat_table" {
  description = "Name of the pipeline heartbeat table."
  value       = google_bigquery_table.pipeline_heartbeat.table_id
}
