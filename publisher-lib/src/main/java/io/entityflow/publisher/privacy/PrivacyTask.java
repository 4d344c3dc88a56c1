package io.entityflow.publisher.privacy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background job of the privacy beans ({@link PrivacyFactory}: the republisher of {@code
 * SubjectKey} events, the poller of forgets), run with a fixed delay on a daemon thread of its own,
 * never on an event loop or a request thread.
 *
 * <pre>{@code
 * PrivacyTask task = PrivacyTask.start("entityflow-forget-poll", Duration.ZERO, Duration.ofSeconds(5), poller::poll);
 * task.close(); // on context close
 * }</pre>
 *
 * <p>Guarantees: one run at a time; an exception of a run is logged (a warning, then debug while
 * the same failure repeats) and the next run happens as scheduled; {@link #close} stops it without
 * waiting for a run in progress.
 */
public final class PrivacyTask implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PrivacyTask.class);

  private final String name;
  private final Duration interval;
  private final ScheduledExecutorService executor;
  private final Runnable job;
  private String lastFailure;

  private PrivacyTask(String name, Duration interval, Runnable job) {
    this.name = name;
    this.interval = interval;
    this.job = job;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs {@code job} after {@code initialDelay}, then {@code interval} after each run ends. */
  public static PrivacyTask start(
      String name, Duration initialDelay, Duration interval, Runnable job) {
    PrivacyTask task = new PrivacyTask(name, interval, job);
    task.executor.scheduleWithFixedDelay(
        task::runOnce, initialDelay.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    return task;
  }

  /** The thread's name. */
  public String name() {
    return name;
  }

  /** The delay between two runs. */
  public Duration interval() {
    return interval;
  }

  private void runOnce() {
    try {
      job.run();
      lastFailure = null;
    } catch (RuntimeException e) {
      String failure = e.toString();
      if (failure.equals(lastFailure)) {
        LOG.debug("{} failed again: {}", name, failure);
      } else {
        LOG.warn("{} failed; it runs again in {}: {}", name, interval, failure);
      }
      lastFailure = failure;
    }
  }

  /** Stops the job. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
