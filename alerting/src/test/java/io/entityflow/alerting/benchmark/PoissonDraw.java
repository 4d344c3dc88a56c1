package io.entityflow.alerting.benchmark;

import java.util.random.RandomGenerator;

/**
 * Poisson-distributed counts for synthetic series (Knuth's multiplication method, exact for the
 * small means the tests and benchmarks draw one at a time).
 *
 * <pre>{@code
 * long count = PoissonDraw.draw(new SplittableRandom(42), 3.5);
 * }</pre>
 *
 * <p>Guarantees: deterministic for a seeded generator; consumes {@code count + 1} uniform draws.
 */
public final class PoissonDraw {
  private PoissonDraw() {}

  /** One Poisson count of mean {@code mean}. */
  public static long draw(RandomGenerator random, double mean) {
    double l = Math.exp(-mean);
    long k = 0;
    double p = 1;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
