/**
 * Test support for services that publish: {@link
 * io.entityflow.publisher.testing.RecordingEntityPublisher} replaces the real publisher in a
 * service's unit tests and asserts what was published.
 */
package io.entityflow.publisher.testing;
