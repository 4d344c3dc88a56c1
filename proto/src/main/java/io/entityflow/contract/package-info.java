/**
 * The Entityflow wire contract shared by every producer and consumer: operations, the Pub/Sub
 * attribute names and the ordering key.
 *
 * <p>The Protobuf messages themselves live in {@code src/main/proto}; the {@link
 * io.entityflow.contract.registry registry} lists the entities compiled from them and the {@link
 * io.entityflow.contract.bigquery bigquery} package maps them to tables.
 */
package io.entityflow.contract;
