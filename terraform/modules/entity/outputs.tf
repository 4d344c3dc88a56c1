output "topic" {
  description = "Name of the entity's topic."
  value       = google_pubsub_topic.entity.name
}

output "topic_id" {
  description = "Full id of the entity's topic (projects/P/topics/T)."
  value       = google_pubsub_topic.entity.id
}

output "schema_id" {
  description = "Full id of the Pub/Sub schema."
  value       = google_pubsub_schema.entity.id
}

output "dead_letter_topic" {
  description = "Name of the dead-letter topic."
  value       = google_pubsub_topic.dead_letter.name
}

output "pipeline_subscription" {
  description = "Name of the subscription the pipeline reads."
  value       = google_pubsub_subscription.pipeline.name
}

output "pipeline_subscription_id" {
  description = "Full id of the subscription the pipeline reads (projects/P/subscriptions/S)."
  value       = google_pubsub_subscription.pipeline.id
}

output "dataset" {
  description = "Dataset of the table and the view."
  value       = google_bigquery_table.entity.dataset_id
}

output "table" {
  description = "Name of the history table."
  value       = google_bigquery_table.entity.table_id
}

output "latest_view" {
  description = "Name of the latest-state view."
  value       = google_bigquery_table.latest.table_id
}
