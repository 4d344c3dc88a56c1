# The sweep of forgotten subjects' keys: a BigQuery scheduled query deleting every non-DELETED
# subject_key_v1 row of a subject that has a DELETED row, so a keyset redelivered after the subject
# was forgotten (late or duplicate CREATED events) does not stay readable. The statement is
# generated from the contract (`subject_key_sweep_sql` in entities.auto.tfvars.json).

locals {
  query = replace(replace(var.sweep_sql, "$${project}", var.project_id), "$${system_dataset}", var.system_dataset)
}

resource "google_service_account" "sweep" {
  project      = var.project_id
  account_id   = var.service_account_id
  display_name = "Entityflow subject-key sweep"
}

# WRITER (dataEditor) on the system dataset only: the sweep deletes rows of subject_key_v1.
resource "google_bigquery_dataset_access" "sweep_write" {
  project       = var.project_id
  dataset_id    = var.system_dataset
  role          = "WRITER"
  user_by_email = google_service_account.sweep.email
}

resource "google_project_iam_member" "sweep_jobs" {
  project = var.project_id
  role    = "roles/bigquery.jobUser"
  member  = "serviceAccount:${google_service_account.sweep.email}"
}

# The BigQuery Data Transfer service agent runs the scheduled query as the service account.
resource "google_service_account_iam_member" "transfer_agent" {
  service_account_id = google_service_account.sweep.name
  role               = "roles/iam.serviceAccountShortTermTokenMinter"
  member             = "serviceAccount:service-${var.project_number}@gcp-sa-bigquerydatatransfer.iam.gserviceaccount.com"
}

resource "google_bigquery_data_transfer_config" "sweep" {
  project              = var.project_id
  location             = var.location
  display_name         = "entityflow subject-key sweep (${var.system_dataset})"
  data_source_id       = "scheduled_query"
  schedule             = var.schedule
  service_account_name = google_service_account.sweep.email

  params = {
    query = local.query
  }

  depends_on = [
    google_bigquery_dataset_access.sweep_write,
    google_project_iam_member.sweep_jobs,
    google_service_account_iam_member.transfer_agent,
  ]
}
