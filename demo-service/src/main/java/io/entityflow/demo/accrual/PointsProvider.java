package io.entityflow.demo.accrual;

import io.entityflow.consumer.RetryableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The external points provider the accrual consumer calls for every accrual, simulated: it answers
 * "unavailable" for {@code provider-failure-rate} of the calls (a {@link RetryableException}, so
 * the consumer retries with backoff) and refuses {@code provider-rejection-rate} of them for good
 * ({@link PointsRejectedException}, so the event is dead-lettered with the reason).
 *
 * <pre>{@code
 * provider.award("m-12", "s-40", 25); // returns, or throws one of the two errors
 * }</pre>
 *
 * <p>Thread-safe; deterministic for a given seed and call order.
 */
@Singleton
public class PointsProvider {
  private final double failureRate;
  private final double rejectionRate;
  private final Random random;
  private final AtomicLong calls = new AtomicLong();

  @Inject
  PointsProvider(AccrualConfiguration configuration) {
    this(
        configuration.getProviderFailureRate(),
        configuration.getProviderRejectionRate(),
        configuration.getSeed());
  }

  /** A provider failing and rejecting at these rates. */
  public PointsProvider(double failureRate, double rejectionRate, long seed) {
    this.failureRate = failureRate;
    this.rejectionRate = rejectionRate;
    this.random = new Random(seed);
  }

  /**
   * Awards {@code points} to a membership for a sale.
   *
   * @throws RetryableException when the provider is unavailable (try again later)
   * @throws PointsRejectedException when the provider refuses the award for good
   */
  public void award(String membershipId, String saleId, long points) {
    calls.incrementAndGet();
    double draw;
    synchronized (random) {
      draw = random.nextDouble();
    }
    if (draw < failureRate) {
      throw new RetryableException("points provider unavailable (HTTP 503) for sale " + saleId);
    }
    if (draw < failureRate + rejectionRate) {
      throw new PointsRejectedException(
          "points provider refused "
              + points
              + " points for sale "
              + saleId
              + " to membership "
              + membershipId
              + " (HTTP 422: membership not eligible)");
    }
  }

  /** Calls made so far, failed ones included. */
  public long calls() {
    return calls.get();
  }
}
