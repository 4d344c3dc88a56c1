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
