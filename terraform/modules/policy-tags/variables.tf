variable "project_id" {
  description = "Project holding the taxonomy."
  type        = string
}

variable "region" {
  description = "Location of the taxonomy; must match the datasets' location (e.g. eu, us, europe-west1)."
  type        = string
}

variable "taxonomy_name" {
  description = "Display name of the taxonomy."
  type        = string
  default     = "entityflow"
}

variable "pii_readers" {
  description = "Members allowed to read PII columns, e.g. [\"group:pii-readers@acme.com\"]."
  type        = list(string)
  default     = []
}

variable "masked_readers" {
  description = "Members reading PII columns masked (SHA-256 of the ciphertext, NULL stays NULL): the analysts of the `_masked` views, e.g. [\"group:analysts@acme.com\"]."
  type        = list(string)
  default     = []
}

variable "masking_policy_id" {
  description = "Id of the data masking policy of the PII tag (unique per project and location)."
  type        = string
  default     = "entityflow_pii_sha256"

  validation {
    condition     = can(regex("^[A-Za-z_][A-Za-z0-9_]{0,255}$", var.masking_policy_id))
    error_message = "masking_policy_id must be letters, digits and underscores, not starting with a digit."
  }
}
