/**
 * The connection to Pub/Sub shared by the publisher and consumer libraries: Google's service with
 * default credentials, or the emulator of local mode.
 */
package io.entityflow.publisher.connection;
