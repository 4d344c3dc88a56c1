output "taxonomy" {
  description = "Resource name of the taxonomy."
  value       = google_data_catalog_taxonomy.entityflow.name
}

output "pii_policy_tag" {
  description = "Resource name of the PII policy tag; fills the `$${policy_tag_pii}` placeholder of the generated table schemas."
  value       = google_data_catalog_policy_tag.pii.name
}

output "pii_data_policy" {
  description = "Resource name of the data policy masking PII columns (SHA-256) for `masked_readers`."
  value       = google_bigquery_datapolicy_data_policy.pii_masked.name
}
