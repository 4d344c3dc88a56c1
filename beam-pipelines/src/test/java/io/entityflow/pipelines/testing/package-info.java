/** Test helpers: canonical row JSON, JUnit 5 TestPipelines, the Storage Read API Avro form. */
package io.entityflow.pipelines.testing;
