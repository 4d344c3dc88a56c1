package io.entityflow.terraform.generate;

import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current-state table part of an entity's Terraform input: {@code current_table}, the name of
 * its {@code <table>_current} table from the layout, or an empty string for a system entity, which
 * has none ({@link PhysicalLayout#currentTables()}). The entity module creates the table, with the
 * primary key on {@code id_field} and the environment's {@code max_staleness}, when the
 * environment's {@code current_tables} is true and the name is not empty.
 *
 * <pre>{@code
 * CurrentTableVariables.of(layout, layout.entity(sale));   // {current_table=sale_v1_current}
 * }</pre>
 */
public final class CurrentTableVariables {
  private CurrentTableVariables() {}

  /** The variables, in the order of the Terraform variable's object type. */
  public static Map<String, Object> of(PhysicalLayout layout, EntityResources resources) {
    TableDefinition current = resources.currentTable();
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("current_table", layout.currentTables().contains(current) ? current.name() : "");
    return vars;
  }
}
