package io.entityflow.publisher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OutstandingEventsTest {

  @Test
  void openListsExactlyTheEventsNotYetCompletedInPublishOrder() {
    OutstandingEvents<CompletableFuture<String>> outstanding = new OutstandingEvents<>();
    List<CompletableFuture<String>> events = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      CompletableFuture<String> event = new CompletableFuture<>();
      events.add(event);
      outstanding.add(event);
    }
    events.get(1).complete("m-1");
    events.get(4).completeExceptionally(new IllegalStateException("down"));

    assertThat(outstanding.open())
        .containsExactly(events.get(0), events.get(2), events.get(3), events.get(5));
  }

  @Test
  void completedEventsAtTheHeadAreDroppedOnTheNextAdd() {
    OutstandingEvents<CompletableFuture<String>> outstanding = new OutstandingEvents<>();
    List<CompletableFuture<String>> events = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      CompletableFuture<String> event = new CompletableFuture<>();
      events.add(event);
      outstanding.add(event);
    }
    for (int i = 0; i < 60; i++) {
      events.get(i).complete("m-" + i);
    }
    CompletableFuture<String> next = new CompletableFuture<>();
    outstanding.add(next);

    assertThat(outstanding.tracked()).isEqualTo(41);
    assertThat(outstanding.open()).hasSize(41).startsWith(events.get(60)).endsWith(next);
  }

  @Test
  void concurrentPublishersAndCompletionsNeverLoseAnOpenEvent() throws Exception {
    OutstandingEvents<CompletableFuture<String>> outstanding = new OutstandingEvents<>();
    List<CompletableFuture<String>> leftOpen = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      threads.add(
          new Thread(
              () -> {
                for (int i = 0; i < 50_000; i++) {
                  CompletableFuture<String> event = new CompletableFuture<>();
                  outstanding.add(event);
                  if ((i + thread) % 1000 == 0) {
                    leftOpen.add(event);
                  } else {
                    event.complete("m");
                  }
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(outstanding.open()).containsExactlyInAnyOrderElementsOf(leftOpen).hasSize(200);
  }

  @Test
  void anEventStuckAtTheHeadDoesNotKeepCompletedOnesForever() {
    OutstandingEvents<CompletableFuture<String>> outstanding = new OutstandingEvents<>();
    CompletableFuture<String> stuck = new CompletableFuture<>();
    outstanding.add(stuck);
    long mostTracked = 0;
    for (int i = 0; i < 100_000; i++) {
      CompletableFuture<String> event = new CompletableFuture<>();
      outstanding.add(event);
      event.complete("m-" + i);
      mostTracked = Math.max(mostTracked, outstanding.tracked());
    }

    assertThat(mostTracked).isEqualTo(OutstandingEvents.MIN_SWEEP);
    assertThat(outstanding.open()).containsExactly(stuck);
  }
}
