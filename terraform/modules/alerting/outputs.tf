output "service_uri" {
  description = "URL of the alerting service."
  value       = google_cloud_run_v2_service.alerting.uri
}

output "service_account" {
  description = "Email of the service's account."
  value       = google_service_account.alerting.email
}

output "webhook_secret_ids" {
  description = "Secret Manager ids to add the webhook values to, by environment variable."
  value       = { for name, secret in google_secret_manager_secret.webhook : name => secret.secret_id }
}
