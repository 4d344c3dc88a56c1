/**
 * Notification channels (Slack, generic signed webhook, SMTP email, PagerDuty Events v2, console,
 * webhook log file) and the dispatcher that retries failed sends with backoff and reports them.
 */
package io.entityflow.alerting.notify;
