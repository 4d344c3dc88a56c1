/**
 * Test support shared by the modules: the real Pub/Sub emulator started by the test suite itself.
 *
 * <pre>{@code
 * PubSubEmulator emulator = PubSubEmulator.shared();
 * String topic = emulator.createTopic(PubSubEmulator.uniqueName("sale"));
 * }</pre>
 */
package io.entityflow.testing;
