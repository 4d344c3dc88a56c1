variable "project_id" {
  description = "GCP project of the environment."
  type        = string
}

variable "region" {
  description = "Region of Dataflow, Cloud Run and the policy-tag taxonomy, e.g. europe-west1."
  type        = string
  default     = "europe-west1"
}

variable "bigquery_location" {
  description = "BigQuery location of every dataset; must contain the taxonomy's region."
  type        = string
  default     = "europe-west1"
}

variable "entities" {
  description = "Every entity of the contract, keyed by topic. Generated into entities.auto.tfvars.json by `entityflow terraform`; do not edit by hand."
  type = map(object({
    name                 = string
    full_name            = string
    schema_version       = string
    topic                = string
    dataset              = string
    table                = string
    id_field             = string
    owner                = string
    description          = string
    partition_field      = string
    clustering_fields    = list(string)
    bigquery_schema_file = string
    pubsub_schema_file   = string
    latest_view          = string
    latest_view_sql      = string
    pii_columns          = list(string)
  }))
}

variable "producer_service_accounts" {
  description = "Service account email of each producing service, keyed by owner (team) as named in the contract."
  type        = map(string)
}

variable "analyst_members" {
  description = "Members reading entity tables and views."
  type        = list(string)
  default     = []
}

variable "pii_readers" {
  description = "Members allowed to read PII columns."
  type        = list(string)
  default     = []
}

variable "max_delivery_attempts" {
  description = "Deliveries before a message goes to its entity's dead-letter topic."
  type        = number
  default     = 10
}

variable "pipeline_template_gcs_path" {
  description = "gs:// path of the pipeline's Flex Template spec."
  type        = string
}

variable "pipeline_temp_location" {
  description = "gs:// directory for the pipeline's temporary files."
  type        = string
}

variable "alerting_image" {
  description = "Container image of the alerting service."
  type        = string
}

variable "webhook_secrets" {
  description = "Secrets of the alerting service, named by the environment variable it reads (ENTITYFLOW_ALERTING_<KEY>, see alerting/README.md)."
  type        = set(string)
  default     = ["ENTITYFLOW_ALERTING_NOTIFY_SLACK_WEBHOOK_URL"]
}
