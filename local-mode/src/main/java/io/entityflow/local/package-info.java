/**
 * Local mode: the whole Entityflow flow on one machine with no cloud account - the Pub/Sub
 * emulator, the pipeline on Beam's DirectRunner into the local warehouse, the alerting service and
 * a demo domain service, each a child process of {@code entityflow demo}.
 *
 * <pre>{@code
 * ./entityflow demo                              # terminal 1
 * ./entityflow sql "SELECT count(*) FROM retail.sale_v1"   # terminal 2
 * }</pre>
 */
package io.entityflow.local;
