package io.entityflow.consumer.crash;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The service's DataSource in the crash test's consumer process. */
@Factory
@Requires(property = "spec.name", value = "CrashMidBatchIT")
public class CrashDataSourceFactory {
  @Singleton
  DataSource dataSource(@Value("${crash.jdbc-url}") String url) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    return dataSource;
  }
}
