/**
 * The commands behind {@code entityflow schema check|report}, {@code entityflow catalog} and {@code
 * entityflow contract check}: argument parsing, output formats and exit codes. The entry point is
 * {@link io.entityflow.schema.SchemaToolsCli}.
 */
package io.entityflow.schema.cli;
