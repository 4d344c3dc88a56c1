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
