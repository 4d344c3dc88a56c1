variable "project_id" {
  description = "Project holding the dataset."
  type        = string
}

variable "location" {
  description = "BigQuery location of the dataset, e.g. EU."
  type        = string
}

variable "dataset" {
  description = "Deployed id of Entityflow's own dataset: the dataset prefix followed by the layout's system dataset (system_dataset in the generated tfvars)."
  type        = string
}

variable "dead_letter" {
  description = "The dead-letter table as the layout defines it (system_tables.dead_letter of the generated tfvars, with the schema file's content)."
  type = object({
    table             = string
    description       = string
    partition_field   = string
    clustering_fields = list(string)
    schema            = string
  })
}

variable "heartbeat" {
  description = "The heartbeat table as the layout defines it (system_tables.heartbeat of the generated tfvars, with the schema file's content)."
  type = object({
    table             = string
    description       = string
    partition_field   = string
    clustering_fields = list(string)
    schema            = string
  })
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
