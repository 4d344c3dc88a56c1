/**
 * Dead letters: the {@code entityflow.dead_letter} table ({@link
 * io.entityflow.contract.layout.DeadLetterTable}), its rows ({@link
 * io.entityflow.pipelines.deadletter.DeadLetter}) and why they failed ({@link
 * io.entityflow.pipelines.deadletter.DeadLetterKind}).
 *
 * <pre>{@code
 * TableRow row = new DeadLetter(now, DeadLetterKind.MISSING_ATTRIBUTE, message, topic, id,
 *     publishTime, attributes, payload).toRow();
 * }</pre>
 */
package io.entityflow.pipelines.deadletter;
