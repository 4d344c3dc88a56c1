variable "project_id" {
  description = "Project of the system dataset and the scheduled query."
  type        = string
}

variable "project_number" {
  description = "Number of the project; names the BigQuery Data Transfer service agent."
  type        = string
}

variable "location" {
  description = "BigQuery location of the system dataset (the scheduled query runs there)."
  type        = string
}

variable "system_dataset" {
  description = "Deployed id of Entityflow's own dataset, holding subject_key_v1."
  type        = string
}

variable "sweep_sql" {
  description = "The sweep statement (subject_key_sweep_sql of the generated tfvars); `$${project}` and `$${system_dataset}` are replaced by project_id and system_dataset."
  type        = string

  validation {
    condition     = startswith(var.sweep_sql, "DELETE FROM ")
    error_message = "sweep_sql must be the generated DELETE statement (subject_key_sweep_sql); it is empty when the contract has no PII, and then no sweep is needed."
  }
}

variable "schedule" {
  description = "When the sweep runs, in the schedule syntax of scheduled queries, e.g. \"every 1 hours\" or \"every day 03:00\"."
  type        = string
  default     = "every 1 hours"
}

variable "service_account_id" {
  description = "Account id of the service account the sweep runs as."
  type        = string
  default     = "entityflow-key-sweep"
}
