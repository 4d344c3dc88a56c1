package io.entityflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

  @Test
  void eachDatabaseIsNewAndEmptyOnARealPostgresServer() throws Exception {
    PostgresServer.Database first = PostgresServer.shared().createDatabase("first");
    PostgresServer.Database second = PostgresServer.shared().createDatabase("first");

    assertThat(first.name()).startsWith("first_").isNotEqualTo(second.name());
    try (Connection connection = first.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id int)");
      statement.execute("INSERT INTO t VALUES (7)");
      try (ResultSet rs = statement.executeQuery("SELECT current_database(), version()")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(first.name());
        assertThat(rs.getString(2)).startsWith("PostgreSQL 17.5");
      }
    }
    try (Connection connection = second.dataSource().getConnection();
        ResultSet rs =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name='t'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }
}
