/** Benchmarks run by hand (mains), never as tests; see the module's BENCHMARKS.md. */
package io.entityflow.outbox.bench;
