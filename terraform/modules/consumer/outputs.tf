output "subscription" {
  description = "Name of the consumer's subscription of the entity topic."
  value       = google_pubsub_subscription.consumer.name
}

output "subscription_id" {
  description = "Full id of the consumer's subscription (projects/P/subscriptions/S)."
  value       = google_pubsub_subscription.consumer.id
}

output "dead_letter_topic" {
  description = "Name of the consumer's dead-letter topic."
  value       = google_pubsub_topic.dead_letter.name
}

output "dead_letter_hold_subscription" {
  description = "Name of the subscription keeping the consumer's dead letters."
  value       = google_pubsub_subscription.dead_letter_hold.name
}

output "replay_topic_id" {
  description = "Full id of the replay topic (the replay pipeline's --targetTopic), empty without replay."
  value       = var.replay ? google_pubsub_topic.replay["replay"].id : ""
}

output "replay_subscription" {
  description = "Name of the replay subscription, empty without replay."
  value       = var.replay ? google_pubsub_subscription.replay["replay"].name : ""
}
