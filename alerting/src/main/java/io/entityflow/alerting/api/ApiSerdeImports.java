package io.entityflow.alerting.api;

import io.entityflow.alerting.evaluation.ChartPoint;
import io.entityflow.alerting.evaluation.SeriesStatus;
import io.entityflow.alerting.notify.DeliveryResult;
import io.entityflow.alerting.state.AlertRecord;
import io.entityflow.alerting.state.Silence;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * Lets the API serialize the domain types as JSON without putting framework annotations on them.
 *
 * <pre>{@code
 * // nothing to call: the annotations register the types with Micronaut Serialization
 * }</pre>
 */
@SerdeImport(AlertRecord.class)
@SerdeImport(io.entityflow.alerting.notify.IncidentUpdate.class)
@SerdeImport(Silence.class)
@SerdeImport(SeriesStatus.class)
@SerdeImport(ChartPoint.class)
@SerdeImport(DeliveryResult.class)
public final class ApiSerdeImports {
  private ApiSerdeImports() {}
}
