output "producer_topics" {
  description = "Topics each producer service account may publish to."
  value = {
    for email in distinct(values(var.producer_service_accounts)) :
    email => sort([for key, entity in var.entities : entity.topic if var.producer_service_accounts[entity.owner] == email])
  }
}

output "pipeline_datasets" {
  description = "Datasets the pipeline may write."
  value       = sort(tolist(local.pipeline_datasets))
}
