package io.entityflow.terraform.generate;

/**
 * One difference between a fresh generation and the committed generated files.
 *
 * <pre>{@code
 * new Drift("schemas/pubsub/sale_v1.proto", Drift.Kind.CHANGED).describe();
 * // "schemas/pubsub/sale_v1.proto: content differs from a fresh generation"
 * }</pre>
 *
 * @param path the file's path relative to the environment directory
 * @param kind what differs
 */
public record Drift(String path, Kind kind) {

  /** What differs. */
  public enum Kind {
    /** The generation produces the file but it is not committed. */
    MISSING,
    /** The committed file differs from the generated content. */
    CHANGED,
    /** The committed file lies in a generated directory but is no longer generated. */
    STALE
  }

  /** A one-line description for the console. */
  public String describe() {
    return path
        + ": "
        + switch (kind) {
          case MISSING -> "missing, a fresh generation creates it";
          case CHANGED -> "content differs from a fresh generation";
          case STALE -> "no longer generated (stale), a fresh generation deletes it";
        };
  }
}
