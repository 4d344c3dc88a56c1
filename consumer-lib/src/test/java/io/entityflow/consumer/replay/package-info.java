/** The new-consumer replay path, end to end. */
package io.entityflow.consumer.replay;
