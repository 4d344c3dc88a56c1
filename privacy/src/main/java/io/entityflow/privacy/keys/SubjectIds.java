package io.entityflow.privacy.keys;

/** Checks subject ids at the API boundary: a subject id is a non-empty string. */
final class SubjectIds {
  private SubjectIds() {}

  /**
   * Returns {@code subjectId} when it is usable.
   *
   * @throws IllegalArgumentException when it is null or empty
   */
  static String check(String subjectId) {
    if (subjectId == null || subjectId.isEmpty()) {
      throw new IllegalArgumentException(
          "subject id "
              + (subjectId == null ? "null" : "''")
              + " is not allowed: a subject id is a non-empty string");
    }
    return subjectId;
  }
}
