output "topics" {
  description = "Topic of every entity."
  value       = { for key, entity in module.entity : key => entity.topic }
}

output "tables" {
  description = "dataset.table of every entity."
  value       = { for key, entity in module.entity : key => "${entity.dataset}.${entity.table}" }
}

output "producer_topics" {
  description = "Topics each producer may publish to."
  value       = module.iam.producer_topics
}

output "alerting_webhook_secret_ids" {
  description = "Secret Manager ids to add the webhook values to."
  value       = module.alerting.webhook_secret_ids
}

output "masked_views" {
  description = "dataset.view of the masked view of every entity with PII (for analysts)."
  value       = { for key, views in module.privacy_views : key => views.masked_view }
}

output "decrypted_views" {
  description = "dataset.view of the decrypting view of every entity with PII (for PII readers)."
  value       = { for key, views in module.privacy_views : key => views.decrypted_view }
}

output "consumer_subscriptions" {
  description = "Subscription of every consumer, keyed by subscription, with its dead-letter topic and replay topic id (the replay pipeline's --targetTopic)."
  value = { for key, consumer in module.consumer : key => {
    subscription      = consumer.subscription
    dead_letter_topic = consumer.dead_letter_topic
    replay_topic_id   = consumer.replay_topic_id
  } }
}
