package io.entityflow.pipelines;

import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.options.EntitySourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which entities a pipeline reads ({@code --entities}) and the subscription it reads each from: the
 * layout's pipeline subscription ({@link
 * io.entityflow.contract.layout.EntityResources#pipelineSubscription()}, {@code <topic>_pipeline},
 * created by Terraform and local mode) unless {@code --subscriptionPattern} says otherwise.
 *
 * <pre>{@code
 * List<EntityDefinition> entities = EntitySelection.select(registry, List.of("Sale"));
 * EntitySelection.subscription(options, "sale_v1"); // projects/acme/subscriptions/sale_v1_pipeline
 * }</pre>
 */
public final class EntitySelection {
  private EntitySelection() {}

  /**
   * The chosen entities: by entity name or full message name; every entity of the layout when empty
   * (the contract's, then the system entities it needs, e.g. SubjectKey when it has PII).
   */
  public static List<EntityDefinition> select(EntityRegistry registry, List<String> names) {
    List<EntityDefinition> all =
        PhysicalLayout.of(registry).entities().stream().map(EntityResources::entity).toList();
    if (names == null || names.isEmpty()) {
      return all;
    }
    List<EntityDefinition> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(
          all.stream()
              .filter(e -> e.name().equals(name) || e.fullName().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--entities names unknown entity '"
                              + name
                              + "'; allowed: "
                              + all.stream()
                                  .map(EntityDefinition::name)
                                  .collect(Collectors.joining(", ")))));
    }
    return chosen;
  }

  /**
   * The subscription path of an entity topic: {@code --subscriptionPattern} with {@code {topic}}
   * replaced, in {@code --pubsubProject} (default {@code --project}) unless it is a full path.
   *
   * @throws IllegalArgumentException when a short name has no project to live in
   */
  public static String subscription(EntitySourceOptions options, String project, String topic) {
    String name =
        options.getSubscriptionPattern().replace(EntitySourceOptions.TOPIC_PLACEHOLDER, topic);
    if (name.startsWith("projects/")) {
      return name;
    }
    String pubsubProject =
        options.getPubsubProject() != null ? options.getPubsubProject() : project;
    if (pubsubProject == null) {
      throw new IllegalArgumentException(
          "subscription '" + name + "' needs a project: set --pubsubProject or --project");
    }
    return "projects/" + pubsubProject + "/subscriptions/" + name;
  }
}
