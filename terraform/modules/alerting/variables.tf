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
  description = "Webhook secrets to create in Secret Manager, keyed by the environment variable the service reads (e.g. SLACK_WEBHOOK_URL). Values are added as secret versions outside Terraform, so they never enter the state."
  type        = set(string)
  default     = []

  validation {
    condition     = alltrue([for name in var.webhook_secrets : can(regex("^[A-Z][A-Z0-9_]*$", name))])
    error_message = "Webhook secret names must be UPPER_SNAKE_CASE environment variable names."
  }
}

variable "readable_datasets" {
  description = "Datasets the service reads to evaluate rules (entity datasets and the system dataset for heartbeats)."
  type        = set(string)
}

variable "environment" {
  description = "Plain (non-secret) environment variables of the service."
  type        = map(string)
  default     = {}
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
