# The ingestion pipeline as a streaming Dataflow Flex Template job reading every entity's
# pipeline subscription. Updating the job drains the old one, so no message is dropped.

# The launcher reads the contract (--contract) with the job's service account.
resource "google_storage_bucket_iam_member" "pipeline_contract" {
  bucket = var.contract_bucket
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${var.service_account_email}"
}

resource "google_dataflow_flex_template_job" "pipeline" {
  provider                = google-beta
  project                 = var.project_id
  region                  = var.region
  name                    = var.job_name
  container_spec_gcs_path = var.template_gcs_path
  service_account_email   = var.service_account_email
  temp_location           = var.temp_location
  max_workers             = var.max_workers
  machine_type            = var.machine_type
  enable_streaming_engine = true
  on_delete               = "drain"
  labels                  = var.labels

  # Subscriptions and tables follow the contract's layout: the job reads <topic>_pipeline (its
  # default) and writes <dataset_prefix><dataset>.<table>.
  parameters = merge(var.parameters, {
    pubsubProject   = var.project_id
    bigQueryProject = var.project_id
    datasetPrefix   = var.dataset_prefix
    contract        = "gs://${var.contract_bucket}/${var.contract_object}"
  })

  depends_on = [google_storage_bucket_iam_member.pipeline_contract]
}
