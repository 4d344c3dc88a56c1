variable "project_id" {
  description = "Project holding the datasets and the views."
  type        = string
}

variable "name" {
  description = "Entity name from the contract, e.g. Customer (for the view descriptions)."
  type        = string
}

variable "table" {
  description = "History table the views read, e.g. customer_v1."
  type        = string
}

variable "dataset" {
  description = "Deployed dataset id of the history table (dataset prefix followed by the entity's domain); holds the masked view."
  type        = string
}

variable "system_dataset" {
  description = "Deployed id of Entityflow's own dataset, holding subject_key_v1."
  type        = string
}

variable "pii_dataset" {
  description = "Deployed id of the restricted dataset holding the decrypting view (<prefix><dataset>_pii). Must already exist."
  type        = string
}

variable "masked_view" {
  description = "Name of the masked view, e.g. customer_v1_masked."
  type        = string
}

variable "masked_view_sql" {
  description = "Query of the masked view; `$${project}`, `$${dataset}` and `$${system_dataset}` are replaced by project_id, dataset and system_dataset."
  type        = string
}

variable "decrypted_view" {
  description = "Name of the decrypting view, e.g. customer_v1_decrypted."
  type        = string
}

variable "decrypted_view_sql" {
  description = "Query of the decrypting view; placeholders as in masked_view_sql, and `$${kek_uri}` replaced by kms_kek_uri."
  type        = string
}

variable "kms_kek_uri" {
  description = "Key-encryption key that wraps the subject keysets, gcp-kms://projects/P/locations/L/keyRings/R/cryptoKeys/K (the decrypting view's KEYS.KEYSET_CHAIN)."
  type        = string

  validation {
    condition     = can(regex("^gcp-kms://projects/[^/'\\s]+/locations/[^/'\\s]+/keyRings/[^/'\\s]+/cryptoKeys/[^/'\\s]+$", var.kms_kek_uri))
    error_message = "kms_kek_uri is required when the contract has PII: gcp-kms://projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>."
  }
}

variable "labels" {
  description = "Extra labels for the views."
  type        = map(string)
  default     = {}
}
