package io.entityflow.outbox.relay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WakeSignalTest {

  @Test
  void aWakeBeforeTheWaitIsNotLost() throws Exception {
    WakeSignal signal = new WakeSignal();
    long seen = signal.generation();
    signal.wake();
    signal.await(seen, 60_000); // returns at once: the generation moved on
    assertThat(signal.generation()).isEqualTo(seen + 1);
  }

  @Test
  void aWaitingWorkerIsWoken() throws Exception {
    WakeSignal signal = new WakeSignal();
    long seen = signal.generation();
    Thread waiter =
        new Thread(
            () -> {
              try {
                signal.await(seen, 60_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    waiter.start();
    signal.wake();
    waiter.join(60_000);
    assertThat(waiter.isAlive()).isFalse();
  }
}
