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
  description = "Members reading entity tables and views (the `_masked` views included), e.g. [\"group:analysts@acme.com\"]."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for member in var.analyst_members : can(regex("^(user|group|serviceAccount|domain):[^:]+$", member))])
    error_message = "Each member must be user:EMAIL, group:EMAIL, serviceAccount:EMAIL or domain:DOMAIN (the kinds a BigQuery dataset access entry takes)."
  }
}

variable "pii_datasets" {
  description = "Restricted datasets holding the decrypting views (<prefix><dataset>_pii): only pii_readers read them."
  type        = set(string)
  default     = []
}

variable "pii_readers" {
  description = "Members reading the decrypting views, e.g. [\"group:pii-readers@acme.com\"]: READER on pii_datasets, decrypt-via-delegation on the KEK, BigQuery job user."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for member in var.pii_readers : can(regex("^(user|group|serviceAccount|domain):[^:]+$", member))])
    error_message = "Each member must be user:EMAIL, group:EMAIL, serviceAccount:EMAIL or domain:DOMAIN (the kinds a BigQuery dataset access entry takes)."
  }
}

variable "kms_kek_uri" {
  description = "Key-encryption key of the subject keysets, gcp-kms://projects/P/locations/L/keyRings/R/cryptoKeys/K; empty when the contract has no PII (no KMS grant then)."
  type        = string
  default     = ""

  validation {
    condition     = var.kms_kek_uri == "" || can(regex("^gcp-kms://projects/[^/'\\s]+/locations/[^/'\\s]+/keyRings/[^/'\\s]+/cryptoKeys/[^/'\\s]+$", var.kms_kek_uri))
    error_message = "kms_kek_uri must be empty or gcp-kms://projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>."
  }
}
