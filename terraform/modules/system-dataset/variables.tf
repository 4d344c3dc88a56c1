variable "project_id" {
  description = "Project holding the dataset."
  type        = string
}

variable "location" {
  description = "BigQuery location of the dataset, e.g. EU."
  type        = string
}

variable "dataset" {
  description = "Name of Entityflow's own dataset."
  type        = string
  default     = "entityflow"
}

variable "dead_letter_retention_days" {
  description = "Days a dead-letter partition is kept before BigQuery expires it (0 keeps it forever)."
  type        = number
  default     = 90
}

variable "deletion_protection" {
  description = "Protect the tables from `terraform destroy`."
  type        = bool
  default     = true
}

variable "labels" {
  description = "Extra labels for the dataset and the tables."
  type        = map(string)
  default     = {}
}
