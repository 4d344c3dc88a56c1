/**
 * The Entityflow alerting service: watches event counts per entity and operation in the warehouse
 * and notifies when expected business events are missing. Entry point {@link
 * io.entityflow.alerting.AlertingApplication}.
 */
package io.entityflow.alerting;
