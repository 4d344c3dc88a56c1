/**
 * Detection math: hourly counts, the learned hour-of-week baseline, the silence test and the
 * Poisson CUSUM on drops. Pure functions of their inputs, no I/O, no clock.
 */
package io.entityflow.alerting.model;
