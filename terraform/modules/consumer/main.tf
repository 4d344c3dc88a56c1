# Everything one consumer (a consumer-lib handler) of one entity topic needs, named as the library
# names it (the contract's layout, generated into consumers.auto.tfvars.json): its subscription of
# the entity topic, its dead-letter topic with a subscription keeping the dead letters, its replay
# topic and subscription, and the IAM the consumer and Pub/Sub's dead-lettering need.

locals {
  labels = merge(var.labels, {
    entityflow_entity   = var.topic
    entityflow_consumer = var.consumer
  })
  pubsub_agent     = "serviceAccount:service-${var.project_number}@gcp-sa-pubsub.iam.gserviceaccount.com"
  consumer_member  = "serviceAccount:${var.service_account}"
  topic_id         = "projects/${var.project_id}/topics/${var.topic}"
  replay_instances = var.replay ? toset(["replay"]) : toset([])
}

# Dead letters of this consumer only: the library publishes what it cannot handle (with the reason
# in dead_letter_* attributes), Pub/Sub forwards what was delivered max_delivery_attempts times.
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

resource "google_pubsub_subscription" "consumer" {
  project                    = var.project_id
  name                       = var.subscription
  topic                      = local.topic_id
  ack_deadline_seconds       = var.ack_deadline_seconds
  message_retention_duration = var.message_retention_duration
  enable_message_ordering    = var.enable_message_ordering
  labels                     = local.labels

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letter.id
    max_delivery_attempts = var.max_delivery_attempts
  }

  retry_policy {
    minimum_backoff = var.minimum_backoff
    maximum_backoff = var.maximum_backoff
  }

  expiration_policy {
    ttl = ""
  }
}

# A history replay for this consumer publishes here, never into the live entity topic.
resource "google_pubsub_topic" "replay" {
  for_each = local.replay_instances
  project  = var.project_id
  name     = var.replay_topic
  labels   = local.labels
}

resource "google_pubsub_subscription" "replay" {
  for_each                   = local.replay_instances
  project                    = var.project_id
  name                       = var.replay_subscription
  topic                      = google_pubsub_topic.replay[each.key].id
  ack_deadline_seconds       = var.ack_deadline_seconds
  message_retention_duration = var.message_retention_duration
  enable_message_ordering    = var.enable_message_ordering
  labels                     = local.labels

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letter.id
    max_delivery_attempts = var.max_delivery_attempts
  }

  retry_policy {
    minimum_backoff = var.minimum_backoff
    maximum_backoff = var.maximum_backoff
  }

  expiration_policy {
    ttl = ""
  }
}

# The consumer pulls and acknowledges its subscriptions, reads their configuration (the library
# checks at start-up that they exist), and publishes its own dead letters.
resource "google_pubsub_subscription_iam_member" "consumer_subscriber" {
  project      = var.project_id
  subscription = google_pubsub_subscription.consumer.name
  role         = "roles/pubsub.subscriber"
  member       = local.consumer_member
}

resource "google_pubsub_subscription_iam_member" "consumer_viewer" {
  project      = var.project_id
  subscription = google_pubsub_subscription.consumer.name
  role         = "roles/pubsub.viewer"
  member       = local.consumer_member
}

resource "google_pubsub_subscription_iam_member" "replay_subscriber" {
  for_each     = local.replay_instances
  project      = var.project_id
  subscription = google_pubsub_subscription.replay[each.key].name
  role         = "roles/pubsub.subscriber"
  member       = local.consumer_member
}

resource "google_pubsub_subscription_iam_member" "replay_viewer" {
  for_each     = local.replay_instances
  project      = var.project_id
  subscription = google_pubsub_subscription.replay[each.key].name
  role         = "roles/pubsub.viewer"
  member       = local.consumer_member
}

resource "google_pubsub_topic_iam_member" "consumer_dead_letter_publisher" {
  project = var.project_id
  topic   = google_pubsub_topic.dead_letter.name
  role    = "roles/pubsub.publisher"
  member  = local.consumer_member
}

# The Pub/Sub service agent forwards undeliverable messages: it must publish to the dead-letter
# topic and acknowledge them on the subscriptions with a dead-letter policy.
resource "google_pubsub_topic_iam_member" "dead_letter_forwarding" {
  project = var.project_id
  topic   = google_pubsub_topic.dead_letter.name
  role    = "roles/pubsub.publisher"
  member  = local.pubsub_agent
}

resource "google_pubsub_subscription_iam_member" "dead_letter_forwarding" {
  project      = var.project_id
  subscription = google_pubsub_subscription.consumer.name
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_agent
}

resource "google_pubsub_subscription_iam_member" "replay_dead_letter_forwarding" {
  for_each     = local.replay_instances
  project      = var.project_id
  subscription = google_pubsub_subscription.replay[each.key].name
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_agent
}
