variable "project_id" {
  description = "Project running the service."
  type        = string
}

variable "region" {
  description = "Cloud Run region, e.g. europe-west1."
  type        = string
}

variable "service_name" {
  description = "Name of the Cloud Run service."
  type        = string
  default     = "entityflow-alerting"
}

variable "image" {
  description = "Container image of the alerting service."
  type        = string
}

variable "webhook_secrets" {
  description = "Secrets to create in Secret Manager, each named by the environment variable the service reads it from: ENTITYFLOW_ALERTING_ followed by a configuration key (e.g. ENTITYFLOW_ALERTING_NOTIFY_SLACK_WEBHOOK_URL, ENTITYFLOW_ALERTING_API_TOKEN). Values are added as secret versions outside Terraform, so they never enter the state."
  type        = set(string)
  default     = []

  validation {
    condition     = alltrue([for name in var.webhook_secrets : can(regex("^ENTITYFLOW_ALERTING_[A-Z0-9_]+$", name))])
    error_message = "Webhook secret names must be environment variables the alerting service reads: ENTITYFLOW_ALERTING_ followed by an UPPER_SNAKE_CASE configuration key, e.g. ENTITYFLOW_ALERTING_NOTIFY_SLACK_WEBHOOK_URL."
  }
}

variable "readable_datasets" {
  description = "Datasets the service reads to evaluate rules (entity datasets and the system dataset for heartbeats)."
  type        = set(string)
}

variable "contract_bucket" {
  description = "Cloud Storage bucket holding the contract's binary descriptor set (built with `entityflow contract check --descriptor-set-out` or taken from the contract artifact's entityflow/contract.desc); mounted read-only at /contract."
  type        = string
}

variable "contract_object" {
  description = "Object name of the descriptor set in contract_bucket, e.g. contracts/acme-1.4.desc; the service reads /contract/<object>."
  type        = string
}

variable "environment" {
  description = "Plain (non-secret) settings of the service as environment variables ENTITYFLOW_ALERTING_<KEY> (e.g. ENTITYFLOW_ALERTING_EVALUATION_INTERVAL = \"PT1M\"). The module already sets the warehouse (bigquery), its project and the contract."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for name in keys(var.environment) : can(regex("^ENTITYFLOW_ALERTING_[A-Z0-9_]+$", name))])
    error_message = "Environment variable names must be ones the alerting service reads: ENTITYFLOW_ALERTING_ followed by an UPPER_SNAKE_CASE configuration key, e.g. ENTITYFLOW_ALERTING_EVALUATION_INTERVAL."
  }

  validation {
    condition     = length(setintersection(keys(var.environment), ["ENTITYFLOW_ALERTING_WAREHOUSE", "ENTITYFLOW_ALERTING_BIGQUERY_PROJECT", "ENTITYFLOW_ALERTING_CONTRACT"])) == 0
    error_message = "ENTITYFLOW_ALERTING_WAREHOUSE, ENTITYFLOW_ALERTING_BIGQUERY_PROJECT and ENTITYFLOW_ALERTING_CONTRACT are set by the module (bigquery, project_id, the mounted contract); remove them from environment."
  }
}

variable "labels" {
  description = "Labels of the service and the secrets."
  type        = map(string)
  default     = {}
}

variable "deletion_protection" {
  description = "Refuse to delete (or replace) the Cloud Run service. Off by default: the service is stateless, recreated as it was by the next apply (its secrets and their values are separate resources), so a `terraform destroy` of an environment should not fail on it."
  type        = bool
  default     = false
}
