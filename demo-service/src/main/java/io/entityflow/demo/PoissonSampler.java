package io.entityflow.demo;

import java.util.Random;

/**
 * Draws Poisson-distributed event counts, so simulated traffic has realistic count noise.
 *
 * <pre>{@code
 * int sales = PoissonSampler.sample(random, 2.5); // 0, 1, 2, 3, ... with mean 2.5
 * }</pre>
 */
public final class PoissonSampler {
  private PoissonSampler() {}

  /** A Poisson draw with the given mean (Knuth's method below 30, a normal approximation above). */
  public static int sample(Random random, double mean) {
    if (mean < 0 || Double.isNaN(mean)) {
      throw new IllegalArgumentException("Poisson mean must be >= 0, got " + mean);
    }
    if (mean >= 30) {
      return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }
}
