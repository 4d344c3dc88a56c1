/**
 * A Pub/Sub read for local mode that hands the DirectRunner hundreds of messages per element and
 * acknowledges only what is durably written: {@link
 * io.entityflow.pipelines.pubsub.ReadPubsubBatches} pulls batches from the emulator, writes each to
 * a {@link io.entityflow.pipelines.pubsub.PullJournal} on disk before acknowledging it, and
 * releases the journal record once the warehouse writer reports every message of it staged ({@link
 * io.entityflow.pipelines.pubsub.PendingMessages}).
 *
 * <pre>{@code
 * PCollection<PubsubMessage> messages = pipeline.apply("Read sale_v1",
 *     ReadPubsubBatches.fromSubscription("projects/p/subscriptions/sale_v1_pipeline")
 *         .withTopic("sale_v1")
 *         .withJournal(Path.of(".entityflow/warehouse/.journal")));
 * }</pre>
 */
package io.entityflow.pipelines.pubsub;
