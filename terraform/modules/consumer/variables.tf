variable "project_id" {
  description = "Project holding the entity topic and the consumer's topics and subscriptions."
  type        = string
}

variable "project_number" {
  description = "Number of the project; names the Pub/Sub service agent that forwards dead letters."
  type        = string
}

variable "consumer" {
  description = "Consumer name: the consumer-lib handler's name(), e.g. loyalty_accrual. Recorded as a label."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", var.consumer)) && length(var.consumer) <= 64
    error_message = "The consumer name must be lower snake case (e.g. loyalty_accrual), at most 64 characters."
  }
}

variable "topic" {
  description = "Name of the entity topic the consumer reads, e.g. sale_v1 (created by the entity module)."
  type        = string
}

variable "subscription" {
  description = "Name of the consumer's subscription of the entity topic (from the layout: <topic>_<consumer>)."
  type        = string
}

variable "dead_letter_topic" {
  description = "Name of the consumer's dead-letter topic (from the layout: <subscription>_dead_letter)."
  type        = string
}

variable "dead_letter_hold_subscription" {
  description = "Name of the subscription keeping the consumer's dead letters (from the layout: <dead_letter_topic>_hold)."
  type        = string
}

variable "replay" {
  description = "Create the replay topic and subscription (a history replay for this consumer publishes into them; the library reads them with read-replay)."
  type        = bool
  default     = true
}

variable "replay_topic" {
  description = "Name of the consumer's replay topic (from the layout: <subscription>_replay)."
  type        = string
}

variable "replay_subscription" {
  description = "Name of the consumer's subscription of its replay topic (from the layout: <subscription>_replay)."
  type        = string
}

variable "service_account" {
  description = "Email of the consumer service's service account: subscriber and viewer on its subscriptions, publisher on its dead-letter topic."
  type        = string

  validation {
    condition     = can(regex("^[^@:\\s]+@[^@:\\s]+$", var.service_account))
    error_message = "service_account must be a service account email, e.g. loyalty@acme-services.iam.gserviceaccount.com (without serviceAccount:)."
  }
}

variable "enable_message_ordering" {
  description = "Deliver in ordering-key order (every entity event carries its id's ordering key; the library keeps per-entity order only on an ordered subscription)."
  type        = bool
  default     = true
}

variable "max_delivery_attempts" {
  description = "Deliveries of a message before Pub/Sub forwards it to the dead-letter topic (5-100). A safety net: the library dead-letters what it cannot handle itself."
  type        = number
  default     = 10

  validation {
    condition     = var.max_delivery_attempts >= 5 && var.max_delivery_attempts <= 100
    error_message = "Pub/Sub allows max_delivery_attempts from 5 to 100."
  }
}

variable "ack_deadline_seconds" {
  description = "Ack deadline of the subscriptions (10-600); the library extends leases while a handler runs."
  type        = number
  default     = 60

  validation {
    condition     = var.ack_deadline_seconds >= 10 && var.ack_deadline_seconds <= 600
    error_message = "Pub/Sub allows ack_deadline_seconds from 10 to 600."
  }
}

variable "minimum_backoff" {
  description = "Retry policy: delay before redelivering a nacked message, e.g. 10s."
  type        = string
  default     = "10s"
}

variable "maximum_backoff" {
  description = "Retry policy: longest delay before a redelivery, at most 600s."
  type        = string
  default     = "600s"
}

variable "message_retention_duration" {
  description = "How long the subscriptions (and the dead-letter hold) keep unacknowledged messages."
  type        = string
  default     = "604800s"
}

variable "labels" {
  description = "Extra labels for every resource."
  type        = map(string)
  default     = {}
}
