package io.entityflow.pipelines.pubsub;

import java.io.Serializable;

/**
 * What one local read pulls from and how: the emulator's {@code host:port}, the subscription's full
 * name, the topic's short name (the key under which the writer reports messages staged), the
 * journal directory, the most messages per pull and the most messages pending before the read
 * waits.
 *
 * <pre>{@code
 * new PullSettings("127.0.0.1:8085", "projects/p/subscriptions/s", "sale_v1", "/wh/.journal/s",
 *     1000, 50_000);
 * }</pre>
 */
record PullSettings(
    String emulatorHost,
    String subscription,
    String topic,
    String journalDirectory,
    int maxMessagesPerPull,
    int maxPendingMessages)
    implements Serializable {}
