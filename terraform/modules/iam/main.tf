# Least-privilege access: producers publish only to their own entities' topics, the pipeline
# subscribes to its subscriptions and writes only its datasets, analysts read entity datasets but
# never the system dataset holding dead letters (which keep raw payloads), PII readers read the
# decrypting views of the `_pii` datasets and may unwrap subject keysets with the KEK.
#
# Dataset grants are google_bigquery_dataset_access entries, never google_bigquery_dataset_iam_*:
# the datasets hold authorized views (module privacy-views), which dataset IAM resources would
# remove. Dataset access entries take the legacy roles (READER = dataViewer, WRITER = dataEditor)
# and an e-mail by kind, so each member "kind:email" is split.

locals {
  analyst_grants = {
    for pair in setproduct(sort(tolist(var.domain_datasets)), var.analyst_members) :
    "${pair[0]}/${pair[1]}" => { dataset = pair[0], kind = split(":", pair[1])[0], email = split(":", pair[1])[1] }
  }
  pii_grants = {
    for pair in setproduct(sort(tolist(var.pii_datasets)), var.pii_readers) :
    "${pair[0]}/${pair[1]}" => { dataset = pair[0], kind = split(":", pair[1])[0], email = split(":", pair[1])[1] }
  }
  pipeline_datasets = setunion(var.domain_datasets, [var.system_dataset])
  kek_crypto_key_id = trimprefix(var.kms_kek_uri, "gcp-kms://")
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

resource "google_bigquery_dataset_access" "pipeline_write" {
  for_each      = local.pipeline_datasets
  project       = var.project_id
  dataset_id    = each.value
  role          = "WRITER"
  user_by_email = var.pipeline_service_account
}

# Dataflow workers need this project role to run; it grants no data access.
resource "google_project_iam_member" "pipeline_worker" {
  project = var.project_id
  role    = "roles/dataflow.worker"
  member  = "serviceAccount:${var.pipeline_service_account}"
}

resource "google_bigquery_dataset_access" "analyst_read" {
  for_each       = local.analyst_grants
  project        = var.project_id
  dataset_id     = each.value.dataset
  role           = "READER"
  group_by_email = each.value.kind == "group" ? each.value.email : null
  user_by_email  = contains(["user", "serviceAccount"], each.value.kind) ? each.value.email : null
  domain         = each.value.kind == "domain" ? each.value.email : null
}

# Running queries needs a job role in the project; it grants no data access. Analysts and PII
# readers alike (one binding per member, whichever list names it).
resource "google_project_iam_member" "analyst_jobs" {
  for_each = toset(concat(var.analyst_members, var.pii_readers))
  project  = var.project_id
  role     = "roles/bigquery.jobUser"
  member   = each.value
}

# PII readers read the decrypting views; the views themselves are authorized on the entity and
# system datasets, so the readers get nothing there beyond what analyst_members gives.
resource "google_bigquery_dataset_access" "pii_read" {
  for_each       = local.pii_grants
  project        = var.project_id
  dataset_id     = each.value.dataset
  role           = "READER"
  group_by_email = each.value.kind == "group" ? each.value.email : null
  user_by_email  = contains(["user", "serviceAccount"], each.value.kind) ? each.value.email : null
  domain         = each.value.kind == "domain" ? each.value.email : null
}

# KEYS.KEYSET_CHAIN in the decrypting views unwraps each subject's keyset with the KEK on behalf of
# the querying user: the user needs decrypt-via-delegation on the key (not plain decrypt).
resource "google_kms_crypto_key_iam_member" "pii_kek_decrypt" {
  for_each      = var.kms_kek_uri == "" ? toset([]) : toset(var.pii_readers)
  crypto_key_id = local.kek_crypto_key_id
  role          = "roles/cloudkms.cryptoKeyDecrypterViaDelegation"
  member        = each.value
}
