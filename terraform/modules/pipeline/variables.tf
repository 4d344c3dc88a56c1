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

variable "contract_bucket" {
  description = "Cloud Storage bucket holding the contract's binary descriptor set; the job reads gs://<bucket>/<object> at launch (--contract)."
  type        = string
}

variable "contract_object" {
  description = "Object name of the descriptor set in contract_bucket."
  type        = string
}

variable "dataset_prefix" {
  description = "Prefix of every dataset id (the pipeline's --datasetPrefix); the same as the environment's dataset_prefix."
  type        = string
  default     = ""
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
