# Least-privilege access: producers publish only to their own entities' topics, the pipeline
# subscribes to its subscriptions and writes only its datasets, analysts read entity datasets but
# never the system dataset holding dead letters (which keep raw payloads).

locals {
  analyst_grants = {
    for pair in setproduct(sort(tolist(var.domain_datasets)), var.analyst_members) :
    "${pair[0]}/${pair[1]}" => { dataset = pair[0], member = pair[1] }
  }
  pipeline_datasets = setunion(var.domain_datasets, [var.system_dataset])
}

# One binding per entity topic, for the owner's service account only; there is deliberately no
# project-level publisher role. An owner missing from producer_service_accounts fails the plan.
resource "google_pubsub_topic_iam_member" "producer_publish" {
  for_each = var.entities
  project  = var.project_id
  topic    = each.value.topic
  role     = "roles/pubsub.publisher"
  member   = "serviceAccount:${var.producer_service_accounts[each.value.owner]}"
}

resource "google_pubsub_subscription_iam_member" "pipeline_subscribe" {
  for_each     = var.pipeline_subscriptions
  project      = var.project_id
  subscription = each.value
  role         = "roles/pubsub.subscriber"
  member       = "serviceAccount:${var.pipeline_service_account}"
}

resource "google_pubsub_subscription_iam_member" "pipeline_view" {
  for_each     = var.pipeline_subscriptions
  project      = var.project_id
  subscription = each.value
  role         = "roles/pubsub.viewer"
  member       = "serviceAccount:${var.pipeline_service_account}"
}

resource "google_bigquery_dataset_iam_member" "pipeline_write" {
  for_each   = local.pipeline_datasets
  project    = var.project_id
  dataset_id = each.value
  role       = "roles/bigquery.dataEditor"
  member     = "serviceAccount:${var.pipeline_service_account}"
}

# Dataflow workers need this project role to run; it grants no data access.
resource "google_project_iam_member" "pipeline_worker" {
  project = var.project_id
  role    = "roles/dataflow.worker"
  member  = "serviceAccount:${var.pipeline_service_account}"
}

resource "google_bigquery_dataset_iam_member" "analyst_read" {
  for_each   = local.analyst_grants
  project    = var.project_id
  dataset_id = each.value.dataset
  role       = "roles/bigquery.dataViewer"
  member     = each.value.member
}

# Running queries needs a job role in the project; it grants no data access.
resource "google_project_iam_member" "analyst_jobs" {
  for_each = toset(var.analyst_members)
  project  = var.project_id
  role     = "roles/bigquery.jobUser"
  member   = each.value
}
