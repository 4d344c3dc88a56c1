output "masked_view" {
  description = "dataset.view of the masked view (for analysts)."
  value       = "${google_bigquery_table.masked.dataset_id}.${google_bigquery_table.masked.table_id}"
}

output "decrypted_view" {
  description = "dataset.view of the decrypting view (for PII readers)."
  value       = "${google_bigquery_table.decrypted.dataset_id}.${google_bigquery_table.decrypted.table_id}"
}
