/**
 * The HTTP API (alerts, series expected vs observed, rules, silences, status) and the JSON shapes
 * it serves; the status page is static HTML+JS under {@code /status/}.
 */
package io.entityflow.alerting.api;
