variable "project_id" {
  description = "Project of the topics, subscriptions and datasets."
  type        = string
}

variable "entities" {
  description = "The entities (the generated `entities` map): each binding reads its topic, dataset and owner."
  type = map(object({
    topic   = string
    dataset = string
    owner   = string
  }))
}

variable "producer_service_accounts" {
  description = "Service account email of each producing service, keyed by the owner named in the contract (e.g. team-checkout). Every owner of an entity must be present."
  type        = map(string)
}

variable "pipeline_service_account" {
  description = "Email of the pipeline's (Dataflow worker) service account."
  type        = string
}

variable "pipeline_subscriptions" {
  description = "Pipeline subscription name per entity key (output of the entity module)."
  type        = map(string)
}

variable "domain_datasets" {
  description = "Datasets holding entity tables and views: the pipeline writes them, analysts read them."
  type        = set(string)
}

variable "system_dataset" {
  description = "Entityflow's own dataset (dead letters, heartbeats): the pipeline writes it, analysts get no access."
  type        = string
}

variable "analyst_members" {
  description = "Members reading entity tables and views, e.g. [\"group:analysts@acme.com\"]."
  type        = list(string)
  default     = []
}
