# The alerting service on Cloud Run, with its own service account. Webhook URLs and tokens live in
# Secret Manager; the service account may access exactly those secrets.
#
# Agreement with the service (checked by alerting's CloudRunContractIT): Cloud Run passes the
# container port as PORT, which the service listens on; the probes use its health endpoint
# (/health, HTTP 200 once started, 503 when unhealthy); every environment variable set here names a
# configuration key of the service (ENTITYFLOW_ALERTING_<KEY>, see alerting/README.md).

resource "google_service_account" "alerting" {
  project      = var.project_id
  account_id   = var.service_name
  display_name = "Entityflow alerting service"
}

resource "google_secret_manager_secret" "webhook" {
  for_each  = var.webhook_secrets
  project   = var.project_id
  secret_id = lower(replace("${var.service_name}-${trimprefix(each.value, "ENTITYFLOW_ALERTING_")}", "_", "-"))
  labels    = var.labels

  replication {
    auto {}
  }
}

resource "google_secret_manager_secret_iam_member" "alerting_access" {
  for_each  = google_secret_manager_secret.webhook
  project   = var.project_id
  secret_id = each.value.secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.alerting.email}"
}

# A dataset access entry (READER = dataViewer), not dataset IAM: the datasets hold authorized
# views, which google_bigquery_dataset_iam_* resources would remove.
resource "google_bigquery_dataset_access" "alerting_read" {
  for_each      = var.readable_datasets
  project       = var.project_id
  dataset_id    = each.value
  role          = "READER"
  user_by_email = google_service_account.alerting.email
}

resource "google_project_iam_member" "alerting_jobs" {
  project = var.project_id
  role    = "roles/bigquery.jobUser"
  member  = "serviceAccount:${google_service_account.alerting.email}"
}

# The contract (a binary descriptor set in Cloud Storage, the same object the pipeline's --contract
# reads) is mounted read-only into the container: the service image carries no contract.
resource "google_storage_bucket_iam_member" "alerting_contract" {
  bucket = var.contract_bucket
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.alerting.email}"
}

resource "google_cloud_run_v2_service" "alerting" {
  project             = var.project_id
  name                = var.service_name
  location            = var.region
  ingress             = "INGRESS_TRAFFIC_INTERNAL_ONLY"
  labels              = var.labels
  deletion_protection = var.deletion_protection

  template {
    service_account       = google_service_account.alerting.email
    execution_environment = "EXECUTION_ENVIRONMENT_GEN2"

    volumes {
      name = "contract"
      gcs {
        bucket    = var.contract_bucket
        read_only = true
      }
    }

    scaling {
      min_instance_count = 1
      max_instance_count = 1
    }

    containers {
      image = var.image

      ports {
        container_port = 8080
      }

      resources {
        # The evaluation scheduler runs between requests: CPU must stay allocated.
        cpu_idle          = false
        startup_cpu_boost = true
        limits = {
          cpu    = "1"
          memory = "1Gi"
        }
      }

      startup_probe {
        period_seconds    = 5
        timeout_seconds   = 3
        failure_threshold = 24

        http_get {
          path = "/health"
        }
      }

      liveness_probe {
        period_seconds    = 30
        timeout_seconds   = 5
        failure_threshold = 3

        http_get {
          path = "/health"
        }
      }

      env {
        name  = "ENTITYFLOW_ALERTING_WAREHOUSE"
        value = "bigquery"
      }

      env {
        name  = "ENTITYFLOW_ALERTING_BIGQUERY_PROJECT"
        value = var.project_id
      }

      env {
        name  = "ENTITYFLOW_ALERTING_CONTRACT"
        value = "/contract/${var.contract_object}"
      }

      volume_mounts {
        name       = "contract"
        mount_path = "/contract"
      }

      dynamic "env" {
        for_each = var.environment
        content {
          name  = env.key
          value = env.value
        }
      }

      dynamic "env" {
        for_each = google_secret_manager_secret.webhook
        content {
          name = env.key
          value_source {
            secret_key_ref {
              secret  = env.value.secret_id
              version = "latest"
            }
          }
        }
      }
    }
  }

  depends_on = [
    google_secret_manager_secret_iam_member.alerting_access,
    google_storage_bucket_iam_member.alerting_contract,
  ]
}
