package io.entityflow.privacy.tools;

import io.entityflow.privacy.keys.PrivacySchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The key store of a deployed environment: the PostgreSQL database of the service that encrypts
 * (its {@code entityflow_subject_keys} and {@code entityflow_forget_audit} tables), reached with a
 * JDBC URL and credentials from the environment.
 *
 * <pre>{@code
 * KeyStoreAccess.checkUrl("jdbc:postgresql://10.0.0.5:5432/checkout");
 * DataSource keys = KeyStoreAccess.open("jdbc:postgresql://10.0.0.5:5432/checkout", System.getenv());
 * }</pre>
 *
 * <p>Guarantees: credentials are read only from {@value #USER_ENV} and {@value #PASSWORD_ENV},
 * never from the URL (a URL holding a user or password is refused without being echoed), and are
 * never printed; the database must already hold the privacy tables ({@link PrivacySchema}, migrated
 * by the service): this command never creates tables, so a wrong database is refused, not migrated.
 */
public final class KeyStoreAccess {
  /** Environment variable with the key store's database user. */
  public static final String USER_ENV = "ENTITYFLOW_KEY_STORE_USER";

  /** Environment variable with that user's password. */
  public static final String PASSWORD_ENV = "ENTITYFLOW_KEY_STORE_PASSWORD";

  private static final String PREFIX = "jdbc:postgresql:";
  private static final int TIMEOUT_SECONDS = 15;

  private KeyStoreAccess() {}

  /**
   * Checks the form of a key store URL.
   *
   * @throws ForgetRefusedException when it is not a PostgreSQL JDBC URL or holds credentials
   */
  public static void checkUrl(String url) {
    Properties parsed = url.startsWith(PREFIX) ? Driver.parseURL(url, new Properties()) : null;
    if (parsed == null) {
      throw new ForgetRefusedException(
          "--key-store '"
              + redact(url)
              + "' is not allowed; allowed: a PostgreSQL JDBC URL,"
              + " jdbc:postgresql://<host>[:<port>]/<database>[?<options>] (the database of the"
              + " service whose entityflow.privacy.key-store is jdbc)");
    }
    String credentials =
        parsed.containsKey("password")
            ? "a 'password' parameter"
            : parsed.containsKey("user")
                ? "a 'user' parameter"
                : url.substring(PREFIX.length()).matches("//[^/]*@.*") ? "a user@ part" : null;
    if (credentials != null) {
      throw new ForgetRefusedException(
          "--key-store must not hold credentials (it has "
              + credentials
              + "); allowed: the URL without them, with the user in "
              + USER_ENV
              + " and the password in "
              + PASSWORD_ENV);
    }
  }

  /**
   * A data source on the key store at {@code url}, checked to hold the privacy tables.
   *
   * @param environment where {@value #USER_ENV} and {@value #PASSWORD_ENV} are read
   * @throws ForgetRefusedException when a credential is missing
   * @throws ForgetStepException ({@link ForgetExit#KEY_STORE}) when the database cannot be reached
   *     or is not a key store
   */
  public static DataSource open(String url, Map<String, String> environment) {
    checkUrl(url);
    String user = credential(environment, USER_ENV, "the key store's database user");
    String password = credential(environment, PASSWORD_ENV, "the password of " + USER_ENV);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    dataSource.setApplicationName("entityflow-forget");
    dataSource.setConnectTimeout(TIMEOUT_SECONDS);
    dataSource.setLoginTimeout(TIMEOUT_SECONDS);
    requireTables(dataSource, url);
    return dataSource;
  }

  private static String credential(Map<String, String> environment, String name, String what) {
    String value = environment.get(name);
    if (value == null || value.isEmpty()) {
      throw new ForgetRefusedException(
          "environment variable "
              + name
              + " is "
              + (value == null ? "not set" : "empty")
              + "; it must hold "
              + what
              + " (credentials are read only from "
              + USER_ENV
              + " and "
              + PASSWORD_ENV
              + ", never from options or the URL)");
    }
    return value;
  }

  private static void requireTables(DataSource dataSource, String url) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT to_regclass('entityflow_subject_keys') IS NOT NULL,"
                    + " to_regclass('entityflow_forget_audit') IS NOT NULL")) {
      row.next();
      if (!row.getBoolean(1) || !row.getBoolean(2)) {
        throw new ForgetStepException(
            ForgetExit.KEY_STORE,
            "the database at "
                + url
                + " is not a key store: it has no "
                + (row.getBoolean(1) ? "entityflow_forget_audit" : "entityflow_subject_keys")
                + " table; --key-store must name the database of the service that encrypts (its"
                + " privacy tables are made by its own migration, never by this command)",
            null);
      }
    } catch (SQLException e) {
      throw new ForgetStepException(
          ForgetExit.KEY_STORE,
          "cannot read the key store at "
              + url
              + " (user from "
              + USER_ENV
              + "): "
              + e.getMessage()
              + "; nothing was changed",
          e);
    }
  }

  /** The URL with any {@code user:password@} part hidden. */
  static String redact(String url) {
    return url.replaceAll("//[^/@]*@", "//***@");
  }
}
