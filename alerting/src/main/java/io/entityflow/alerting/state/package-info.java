/**
 * Alert lifecycle (pending, firing, resolved), silences and the JSON state file that makes restarts
 * send no duplicate notifications.
 */
package io.entityflow.alerting.state;
