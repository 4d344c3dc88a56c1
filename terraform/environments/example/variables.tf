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
    name                          = string
    full_name                     = string
    schema_version                = string
    topic                         = string
    pipeline_subscription         = string
    dead_letter_topic             = string
    dead_letter_hold_subscription = string
    dataset                       = string
    table                         = string
    id_field                      = string
    owner                         = string
    description                   = string
    partition_field               = string
    clustering_fields             = list(string)
    bigquery_schema_file          = string
    pubsub_schema_file            = string
    latest_view                   = string
    latest_view_sql               = string
    pii_columns                   = list(string)
    masked_view                   = string
    masked_view_sql               = string
    pii_dataset                   = string
    decrypted_view                = string
    decrypted_view_sql            = string
    current_table                 = string
  }))
}

variable "consumers" {
  description = "Every consumer (consumer-lib handler) of an entity topic, keyed by its subscription. Generated into consumers.auto.tfvars.json by `entityflow terraform` from consumers.yaml; do not edit by hand."
  type = map(object({
    consumer                      = string
    entity                        = string
    topic                         = string
    subscription                  = string
    dead_letter_topic             = string
    dead_letter_hold_subscription = string
    replay                        = bool
    replay_topic                  = string
    replay_subscription           = string
    enable_message_ordering       = bool
    max_delivery_attempts         = number
    ack_deadline_seconds          = number
    minimum_backoff               = string
    maximum_backoff               = string
  }))
  default = {}
}

variable "consumer_service_accounts" {
  description = "Service account email of each consuming service, keyed by consumer name (the handler's name(), e.g. loyalty_accrual); every consumer of consumers.yaml needs one."
  type        = map(string)
  default     = {}
}

variable "system_dataset" {
  description = "Logical name of Entityflow's own dataset (generated into entities.auto.tfvars.json)."
  type        = string
}

variable "system_tables" {
  description = "Entityflow's own tables as the contract's layout defines them, keyed by kind (generated into entities.auto.tfvars.json)."
  type = map(object({
    table                = string
    description          = string
    partition_field      = string
    clustering_fields    = list(string)
    bigquery_schema_file = string
  }))
}

variable "subject_key_sweep_sql" {
  description = "The sweep of forgotten subjects' keys (generated into entities.auto.tfvars.json; empty when the contract has no PII)."
  type        = string
}

variable "dataset_prefix" {
  description = "Prefix of every dataset id, the system dataset included (e.g. prod_ for prod_retail). Passed to the pipeline and the alerting service."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^[A-Za-z0-9_]{0,64}$", var.dataset_prefix))
    error_message = "dataset_prefix may hold up to 64 letters, digits and underscores."
  }
}

variable "producer_service_accounts" {
  description = "Service account email of each producing service, keyed by owner (team) as named in the contract."
  type        = map(string)
}

variable "analyst_members" {
  description = "Members reading the domain datasets: history tables (PII columns hold ciphertext and are policy-tagged), `_latest` views and `_masked` views (PII replaced by the subject's pseudonym)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for member in var.analyst_members : can(regex("^(user|group|serviceAccount|domain):[^:]+$", member))])
    error_message = "Each member must be user:EMAIL, group:EMAIL, serviceAccount:EMAIL or domain:DOMAIN (the kinds a BigQuery dataset access entry takes)."
  }
}

variable "pii_readers" {
  description = "Members reading PII in clear: the `_decrypted` views of the `<prefix><dataset>_pii` datasets, decrypt-via-delegation on the KEK, and the PII policy tag's fine-grained reader role."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for member in var.pii_readers : can(regex("^(user|group|serviceAccount|domain):[^:]+$", member))])
    error_message = "Each member must be user:EMAIL, group:EMAIL, serviceAccount:EMAIL or domain:DOMAIN (the kinds a BigQuery dataset access entry takes)."
  }
}

variable "kms_kek_uri" {
  description = "Cloud KMS key-encryption key wrapping the subject keysets (the key service's KEK), gcp-kms://projects/P/locations/L/keyRings/R/cryptoKeys/K. Required when the contract has PII; its location must suit bigquery_location."
  type        = string
  default     = ""

  validation {
    condition     = var.kms_kek_uri == "" || can(regex("^gcp-kms://projects/[^/'\\s]+/locations/[^/'\\s]+/keyRings/[^/'\\s]+/cryptoKeys/[^/'\\s]+$", var.kms_kek_uri))
    error_message = "kms_kek_uri must be empty (no PII in the contract) or gcp-kms://projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>."
  }
}

variable "subject_key_sweep_enabled" {
  description = "Run the sweep of forgotten subjects' keys as a BigQuery scheduled query (only when the contract has PII)."
  type        = bool
  default     = true
}

variable "subject_key_sweep_schedule" {
  description = "When the sweep runs (schedule syntax of scheduled queries)."
  type        = string
  default     = "every 1 hours"
}

variable "max_delivery_attempts" {
  description = "Deliveries before a message goes to its entity's dead-letter topic."
  type        = number
  default     = 10
}

variable "contract_bucket" {
  description = "Cloud Storage bucket holding the contract's binary descriptor set that the pipeline (--contract) and the alerting service read; upload it with every contract release."
  type        = string
}

variable "contract_object" {
  description = "Object name of the descriptor set in contract_bucket, e.g. contracts/acme-1.4.desc."
  type        = string
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
