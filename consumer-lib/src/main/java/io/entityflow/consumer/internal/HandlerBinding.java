package io.entityflow.consumer.internal;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.entityflow.consumer.EntityHandler;
import io.entityflow.contract.Operation;
import io.entityflow.contract.layout.ConsumerResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.util.Set;

/**
 * A handler bound to the contract: its entity, its parser, its resources from the layout and the
 * operations it wants.
 *
 * <pre>{@code
 * HandlerBinding<Sale> binding = HandlerBinding.of(handler, EntityRegistry.load());
 * binding.resources().subscription();  // "sale_v1_loyalty_accrual"
 * }</pre>
 *
 * @param handler the handler bean
 * @param entity the entity of its type
 * @param parser the generated parser of its type
 * @param resources the consumer's resources
 * @param operations the operations it wants
 * @param <T> the entity class
 */
public record HandlerBinding<T extends Message>(
    EntityHandler<T> handler,
    EntityDefinition entity,
    Parser<T> parser,
    ConsumerResources resources,
    Set<Operation> operations) {

  /**
   * Binds {@code handler}.
   *
   * @throws IllegalArgumentException naming the handler when its type is not a generated message
   *     class, not an entity of the contract, or its name is not allowed
   */
  @SuppressWarnings("unchecked")
  public static <T extends Message> HandlerBinding<T> of(
      EntityHandler<T> handler, EntityRegistry registry) {
    Class<T> type = handler.entityType();
    T defaultInstance;
    try {
      defaultInstance = (T) type.getMethod("getDefaultInstance").invoke(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(
          "handler "
              + handler.getClass().getName()
              + ": entity type "
              + type.getName()
              + " is not a generated Protobuf message class (no static getDefaultInstance())",
          e);
    }
    EntityDefinition entity;
    ConsumerResources resources;
    try {
      entity = registry.require(defaultInstance.getDescriptorForType());
      resources = PhysicalLayout.of(registry).consumer(entity, handler.name());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "handler " + handler.getClass().getName() + ": " + e.getMessage(), e);
    }
    return new HandlerBinding<>(
        handler,
        entity,
        (Parser<T>) defaultInstance.getParserForType(),
        resources,
        Set.copyOf(handler.operations()));
  }

  /** The consumer name. */
  public String name() {
    return resources.consumer();
  }

  /** The entity topic. */
  public String topic() {
    return resources.topic();
  }
}
