/** Benchmarks run by hand (see BENCHMARKS.md); not tests. */
package io.entityflow.pipelines.bench;
