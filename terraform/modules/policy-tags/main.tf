# The policy-tag taxonomy of the contract's sensitivities. Columns of PII fields carry the `pii`
# tag; only `pii_readers` may read them, everyone else sees the column denied.

resource "google_data_catalog_taxonomy" "entityflow" {
  project                = var.project_id
  region                 = var.region
  display_name           = var.taxonomy_name
  description            = "Sensitivity of entity fields, from the (entityflow.sensitivity) option of the contract."
  activated_policy_types = ["FINE_GRAINED_ACCESS_CONTROL"]
}

resource "google_data_catalog_policy_tag" "pii" {
  taxonomy     = google_data_catalog_taxonomy.entityflow.id
  display_name = "pii"
  description  = "Personally identifiable information: fields declared (entityflow.sensitivity) = PII."
}

resource "google_data_catalog_policy_tag_iam_member" "pii_reader" {
  for_each   = toset(var.pii_readers)
  policy_tag = google_data_catalog_policy_tag.pii.name
  role       = "roles/datacatalog.categoryFineGrainedReader"
  member     = each.value
}

# Members who are not PII readers (analysts) read policy-tagged columns masked, not denied: SHA-256
# of the ciphertext, NULL where the value is NULL. The `_masked` views test `LENGTH(column) > 0`
# for presence before putting the subject's pseudonym in its place; BigQuery checks policy tags for
# the querying user even through authorized views, so without this data policy an analyst's query
# of a `_masked` view would be refused.
resource "google_bigquery_datapolicy_data_policy" "pii_masked" {
  project          = var.project_id
  location         = var.region
  data_policy_id   = var.masking_policy_id
  policy_tag       = google_data_catalog_policy_tag.pii.name
  data_policy_type = "DATA_MASKING_POLICY"

  data_masking_policy {
    predefined_expression = "SHA256"
  }
}

resource "google_bigquery_datapolicy_data_policy_iam_member" "pii_masked_reader" {
  for_each       = toset(var.masked_readers)
  project        = var.project_id
  location       = var.region
  data_policy_id = google_bigquery_datapolicy_data_policy.pii_masked.data_policy_id
  role           = "roles/bigquerydatapolicy.maskedReader"
  member         = each.value
}
