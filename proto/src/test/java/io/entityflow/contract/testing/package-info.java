/**
 * Test fixtures shared with the other modules through the contract module's test jar: a small
 * company contract that is not the built-in sample ({@link
 * io.entityflow.contract.testing.OwnContract}), to test every part's {@code --contract}.
 */
package io.entityflow.contract.testing;
