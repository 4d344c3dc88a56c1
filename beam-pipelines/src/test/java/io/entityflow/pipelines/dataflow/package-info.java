/**
 * Dataflow without a GCP account, for tests: {@link
 * io.entityflow.pipelines.dataflow.DataflowApiStub} (the Dataflow API on loopback, keeping the
 * submitted job), {@link io.entityflow.pipelines.dataflow.OfflineDataflow} (runner arguments that
 * point at it) and {@link io.entityflow.pipelines.dataflow.TranslatedJob} (the job's steps by
 * name).
 *
 * <pre>{@code
 * try (DataflowApiStub api = DataflowApiStub.start()) {
 *   // run the pipeline with OfflineDataflow.runnerArgs(api, tempDir, "job")
 *   TranslatedJob job = new TranslatedJob(api.onlySubmittedJob());
 * }
 * }</pre>
 */
package io.entityflow.pipelines.dataflow;
