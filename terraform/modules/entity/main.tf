# Everything one entity of the contract needs: its topic (with the generated Pub/Sub schema),
# a dead-letter topic, the pipeline's subscription, the history table and the latest-state view.

locals {
  labels = merge(var.labels, {
    entityflow_entity = var.topic
    entityflow_owner  = var.owner
    schema_version    = replace(var.schema_version, ".", "_")
  })
  pubsub_agent = "serviceAccount:service-${var.project_number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

# The definition is generated from the contract; changing it commits a new schema revision, and
# the topic accepts every revision, so producers on the previous revision keep publishing.
resource "google_pubsub_schema" "entity" {
  project    = var.project_id
  name       = var.topic
  type       = "PROTOCOL_BUFFER"
  definition = var.pubsub_schema
}

resource "google_pubsub_topic" "entity" {
  project = var.project_id
  name    = var.topic
  labels  = local.labels

  schema_settings {
    schema   = google_pubsub_schema.entity.id
    encoding = "BINARY"
  }
}

resource "google_pubsub_topic" "dead_letter" {
  project = var.project_id
  name    = var.dead_letter_topic
  labels  = local.labels
}

# Keeps dead letters until someone replays or inspects them (a topic alone would drop them).
resource "google_pubsub_subscription" "dead_letter_hold" {
  project                    = var.project_id
  name                       = var.dead_letter_hold_subscription
  topic                      = google_pubsub_topic.dead_letter.id
  message_retention_duration = var.message_retention_duration
  ack_deadline_seconds       = 60
  labels                     = local.labels

  expiration_policy {
    ttl = ""
  }
}

resource "google_pubsub_subscription" "pipeline" {
  project                    = var.project_id
  name                       = var.pipeline_subscription
  topic                      = google_pubsub_topic.entity.id
  ack_deadline_seconds       = var.ack_deadline_seconds
  message_retention_duration = var.message_retention_duration
  enable_message_ordering    = true
  labels                     = local.labels

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letter.id
    max_delivery_attempts = var.max_delivery_attempts
  }

  retry_policy {
    minimum_backoff = "10s"
    maximum_backoff = "600s"
  }

  expiration_policy {
    ttl = ""
  }
}

# The Pub/Sub service agent forwards undeliverable messages: it must publish to the dead-letter
# topic and acknowledge them on the pipeline subscription.
resource "google_pubsub_topic_iam_member" "dead_letter_forwarding" {
  project = var.project_id
  topic   = google_pubsub_topic.dead_letter.name
  role    = "roles/pubsub.publisher"
  member  = local.pubsub_agent
}

resource "google_pubsub_subscription_iam_member" "dead_letter_forwarding" {
  project      = var.project_id
  subscription = google_pubsub_subscription.pipeline.name
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_agent
}

resource "google_bigquery_table" "entity" {
  project             = var.project_id
  dataset_id          = var.dataset
  table_id            = var.table
  description         = var.description
  schema              = var.bigquery_schema
  clustering          = var.clustering_fields
  deletion_protection = var.deletion_protection
  labels              = local.labels

  time_partitioning {
    type  = "DAY"
    field = var.partition_field
  }
}

resource "google_bigquery_table" "latest" {
  project             = var.project_id
  dataset_id          = var.dataset
  table_id            = var.latest_view
  description         = "Latest state of every ${var.name} (${var.full_name}), without deleted ones. Reads ${var.table}."
  deletion_protection = false
  labels              = local.labels

  view {
    query          = replace(replace(var.latest_view_sql, "$${project}", var.project_id), "$${dataset}", var.dataset)
    use_legacy_sql = false
  }

  depends_on = [google_bigquery_table.entity]
}
