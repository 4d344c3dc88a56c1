/**
 * Test helpers: canonical row JSON, JUnit 5 TestPipelines, the Storage Read API Avro form, and the
 * pipeline's options as their interfaces declare them ({@link
 * io.entityflow.pipelines.testing.PipelineOptionSpec}).
 */
package io.entityflow.pipelines.testing;
