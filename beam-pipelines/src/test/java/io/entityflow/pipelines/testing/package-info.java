/** Test helpers: canonical row JSON and JUnit 5 TestPipelines. */
package io.entityflow.pipelines.testing;
