/**
 * Test support shared by the modules: the real Pub/Sub emulator started by the test suite itself,
 * and the Terraform files parsed offline ({@link io.entityflow.testing.Hcl2Json}).
 *
 * <pre>{@code
 * PubSubEmulator emulator = PubSubEmulator.shared();
 * String topic = emulator.createTopic(PubSubEmulator.uniqueName("sale"));
 * Map<String, JsonObject> tf = Hcl2Json.parseAll(Path.of("../terraform"));
 * }</pre>
 */
package io.entityflow.testing;
