/**
 * Unit-testing handlers without Pub/Sub: {@link io.entityflow.consumer.testing.ConsumerTestKit} and
 * {@link io.entityflow.consumer.testing.TestEvent}.
 *
 * <pre>{@code
 * ConsumerTestKit.deliver(handler, sale, Operation.CREATED).kind();  // HANDLED
 * }</pre>
 */
package io.entityflow.consumer.testing;
