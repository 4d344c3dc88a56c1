/**
 * One evaluation: reads counts for every watched series, learns baselines, runs the silence, drop
 * and static-minimum tests up to the ingestion watermark and reports findings and series status.
 */
package io.entityflow.alerting.evaluation;
