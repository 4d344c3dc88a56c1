package io.entityflow.schema.compare;

import java.util.Arrays;
import java.util.List;

/**
 * Which breaking changes block a check, from the most lenient to the strictest, after buf's
 * categories: {@link #WIRE} blocks what breaks the binary encoding, {@link #WIRE_JSON} also what
 * breaks the proto JSON form, {@link #BIGQUERY} (the default) also what breaks BigQuery tables and
 * queries. Each level includes the levels before it.
 *
 * <pre>{@code
 * Category.of("wire-json");                          // WIRE_JSON
 * Rule.FIELD_RENAMED.blocksUnder(Category.WIRE);     // false
 * Rule.FIELD_RENAMED.blocksUnder(Category.WIRE_JSON); // true
 * }</pre>
 */
public enum Category {
  /** Only changes that break the binary (wire) encoding block. */
  WIRE("wire"),
  /** Changes that break the binary or the proto JSON encoding block. */
  WIRE_JSON("wire-json"),
  /** Wire, JSON and BigQuery-breaking changes block: the default. */
  BIGQUERY("bigquery");

  private final String id;

  Category(String id) {
    this.id = id;
  }

  /** The id used on the command line, e.g. {@code wire-json}. */
  public String id() {
    return id;
  }

  /** Every id, strictest last: {@code wire, wire-json, bigquery}. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Category::id).toList();
  }

  /**
   * The category with the given id.
   *
   * @throws IllegalArgumentException naming the id and the allowed ones
   */
  public static Category of(String id) {
    for (Category category : values()) {
      if (category.id.equals(id)) {
        return category;
      }
    }
    throw new IllegalArgumentException(
        "category '" + id + "' is not known; allowed: " + String.join(", ", ids()));
  }
}
