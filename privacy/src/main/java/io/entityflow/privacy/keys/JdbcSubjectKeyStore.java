package io.entityflow.privacy.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Subject keys in PostgreSQL, table {@code entityflow_subject_keys} (created by {@link
 * PrivacySchema#migrate}).
 *
 * <pre>{@code
 * PrivacySchema.migrate(dataSource);
 * SubjectKeyStore store = new JdbcSubjectKeyStore(dataSource);
 * }</pre>
 *
 * <p>Guarantees: those of {@link SubjectKeyStore}. {@link #createIfAbsent} is {@code INSERT ... ON
 * CONFLICT (subject_id) DO NOTHING} then a {@code SELECT} of the row, so racing creators, in this
 * process or others, all return the one stored row. {@code created_at} is kept to the microsecond
 * (PostgreSQL's precision); every key returned is as read back from the table. Each call uses its
 * own connection from the data source, in auto-commit. Publication state: column {@code
 * published_at} (NULL until {@link #markPublished}); {@link #list} pages by subject id in byte
 * order ({@code COLLATE "C"}).
 */
public final class JdbcSubjectKeyStore implements SubjectKeyStore {
  private static final String INSERT =
      "INSERT INTO entityflow_subject_keys"
          + " (subject_id, wrapped_keyset, kek_uri, pseudonym, created_at)"
          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (subject_id) DO NOTHING";
  private static final String SELECT =
      "SELECT subject_id, wrapped_keyset, kek_uri, pseudonym, created_at"
          + " FROM entityflow_subject_keys WHERE subject_id = ?";
  private static final String DELETE = "DELETE FROM entityflow_subject_keys WHERE subject_id = ?";
  private static final String COLUMNS =
      "SELECT subject_id, wrapped_keyset, kek_uri, pseudonym, created_at FROM entityflow_subject_keys";
  private static final String UNPUBLISHED =
      COLUMNS
          + " WHERE published_at IS NULL AND created_at <= ? ORDER BY created_at, subject_id LIMIT ?";
  private static final String MARK_PUBLISHED =
      "UPDATE entityflow_subject_keys SET published_at = ?"
          + " WHERE subject_id = ? AND pseudonym = ? AND published_at IS NULL";
  private static final String LIST_FIRST = COLUMNS + " ORDER BY subject_id COLLATE \"C\" LIMIT ?";
  private static final String LIST_AFTER =
      COLUMNS + " WHERE subject_id COLLATE \"C\" > ? ORDER BY subject_id COLLATE \"C\" LIMIT ?";

  /** Inserts that lost to a row deleted before it could be read, before giving up. */
  private static final int ATTEMPTS = 5;

  private final DataSource dataSource;

  /** A store on {@code dataSource}, whose database has the privacy migration applied. */
  public JdbcSubjectKeyStore(DataSource dataSource) {
    if (dataSource == null) {
      throw new IllegalArgumentException("the data source of the subject key store is null");
    }
    this.dataSource = dataSource;
  }

  @Override
  public Optional<StoredSubjectKey> find(String subjectId) {
    SubjectIds.check(subjectId);
    try (Connection connection = dataSource.getConnection()) {
      return select(connection, subjectId);
    } catch (SQLException e) {
      throw new SubjectKeyStoreException("could not read the key of subject " + subjectId, e);
    }
  }

  @Override
  public Creation createIfAbsent(StoredSubjectKey candidate) {
    String subjectId = candidate.subjectId();
    try (Connection connection = dataSource.getConnection()) {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        boolean inserted;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
          insert.setString(1, subjectId);
          insert.setBytes(2, candidate.wrappedKeyset());
          insert.setString(3, candidate.kekUri());
          insert.setString(4, candidate.pseudonym());
          insert.setObject(5, utc(candidate.createdAt()));
          inserted = insert.executeUpdate() == 1;
        }
        Optional<StoredSubjectKey> stored = select(connection, subjectId);
        if (stored.isPresent()) {
          return new Creation(stored.get(), inserted);
        }
        // the row was deleted (forgotten) between the insert and the select: try again
      }
    } catch (SQLException e) {
      throw new SubjectKeyStoreException("could not store the key of subject " + subjectId, e);
    }
    throw new SubjectKeyStoreException(
        "could not store the key of subject "
            + subjectId
            + ": it was deleted again each of "
            + ATTEMPTS
            + " times before it could be read",
        null);
  }

  @Override
  public boolean delete(String subjectId) {
    SubjectIds.check(subjectId);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(DELETE)) {
      delete.setString(1, subjectId);
      return delete.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new SubjectKeyStoreException("could not delete the key of subject " + subjectId, e);
    }
  }

  @Override
  public List<StoredSubjectKey> unpublished(Instant createdUpTo, int limit) {
    InMemorySubjectKeyStore.checkLimit(limit);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(UNPUBLISHED)) {
      select.setObject(1, utc(createdUpTo));
      select.setInt(2, limit);
      return keys(select);
    } catch (SQLException e) {
      throw new SubjectKeyStoreException("could not list the unpublished subject keys", e);
    }
  }

  @Override
  public boolean markPublished(StoredSubjectKey key, Instant publishedAt) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(MARK_PUBLISHED)) {
      update.setObject(1, utc(publishedAt));
      update.setString(2, key.subjectId());
      update.setString(3, key.pseudonym());
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new SubjectKeyStoreException(
          "could not mark the key of subject " + key.subjectId() + " published", e);
    }
  }

  @Override
  public List<StoredSubjectKey> list(String afterSubjectId, int limit) {
    InMemorySubjectKeyStore.checkLimit(limit);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(afterSubjectId == null ? LIST_FIRST : LIST_AFTER)) {
      int parameter = 1;
      if (afterSubjectId != null) {
        select.setString(parameter++, afterSubjectId);
      }
      select.setInt(parameter, limit);
      return keys(select);
    } catch (SQLException e) {
      throw new SubjectKeyStoreException(
          "could not list the subject keys after subject " + afterSubjectId, e);
    }
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static List<StoredSubjectKey> keys(PreparedStatement select) throws SQLException {
    List<StoredSubjectKey> keys = new ArrayList<>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        keys.add(key(row));
      }
    }
    return keys;
  }

  private static StoredSubjectKey key(ResultSet row) throws SQLException {
    return new StoredSubjectKey(
        row.getString(1),
        row.getBytes(2),
        row.getString(3),
        row.getString(4),
        row.getObject(5, OffsetDateTime.class).toInstant());
  }

  private static Optional<StoredSubjectKey> select(Connection connection, String subjectId)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SELECT)) {
      select.setString(1, subjectId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(key(row));
      }
    }
  }
}
