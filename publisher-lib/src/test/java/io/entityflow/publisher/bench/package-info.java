/** The publisher's benchmark harness, run by hand (see BENCHMARKS.md). */
package io.entityflow.publisher.bench;
