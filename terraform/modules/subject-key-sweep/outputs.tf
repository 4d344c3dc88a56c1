output "transfer_config" {
  description = "Resource name of the scheduled query (projects/P/locations/L/transferConfigs/ID)."
  value       = google_bigquery_data_transfer_config.sweep.name
}

output "service_account_email" {
  description = "E-mail of the service account the sweep runs as."
  value       = google_service_account.sweep.email
}
