variable "project_id" {
  description = "Project running the job."
  type        = string
}

variable "region" {
  description = "Dataflow region, e.g. europe-west1."
  type        = string
}

variable "job_name" {
  description = "Name of the streaming job."
  type        = string
  default     = "entityflow-pipeline"
}

variable "template_gcs_path" {
  description = "gs:// path of the pipeline's Flex Template spec file."
  type        = string

  validation {
    condition     = startswith(var.template_gcs_path, "gs://")
    error_message = "template_gcs_path must be a gs:// path to the Flex Template spec JSON."
  }
}

variable "service_account_email" {
  description = "Worker service account (bound by the iam module)."
  type        = string
}

variable "temp_location" {
  description = "gs:// directory for the job's temporary files."
  type        = string
}

variable "subscription_pattern" {
  description = "Pipeline subscription of each entity topic; {topic} is replaced by the topic name (the entity module creates <topic>_pipeline)."
  type        = string
  default     = "{topic}_pipeline"
}

variable "dead_letter_table" {
  description = "Dead-letter table as dataset.table, in project_id."
  type        = string
  default     = "entityflow.dead_letter"
}

variable "max_workers" {
  description = "Upper bound of autoscaling."
  type        = number
  default     = 3
}

variable "machine_type" {
  description = "Worker machine type."
  type        = string
  default     = "n2-standard-2"
}

variable "parameters" {
  description = "Extra pipeline options passed to the template (names as the pipeline's options)."
  type        = map(string)
  default     = {}
}

variable "labels" {
  description = "Labels of the job."
  type        = map(string)
  default     = {}
}
