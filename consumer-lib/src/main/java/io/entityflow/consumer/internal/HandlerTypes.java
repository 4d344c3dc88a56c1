package io.entityflow.consumer.internal;

import io.entityflow.consumer.EntityHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Finds the entity class {@code T} of an {@code EntityHandler<T>} implementation from its declared
 * type argument (searching superclasses, e.g. through a framework subclass).
 *
 * <pre>{@code
 * Class<Sale> type = HandlerTypes.entityType(new LoyaltyAccrual());
 * }</pre>
 */
public final class HandlerTypes {
  private HandlerTypes() {}

  /**
   * The entity class of {@code handler}.
   *
   * @throws IllegalArgumentException naming the handler class when the type argument is not a
   *     concrete class, saying to override {@code entityType()}
   */
  @SuppressWarnings("unchecked")
  public static <T> Class<T> entityType(EntityHandler<?> handler) {
    for (Class<?> type = handler.getClass(); type != null; type = type.getSuperclass()) {
      Class<?> found = fromInterfaces(type.getGenericInterfaces());
      if (found != null) {
        return (Class<T>) found;
      }
      Type superType = type.getGenericSuperclass();
      if (superType instanceof ParameterizedType parameterized
          && parameterized.getActualTypeArguments().length == 1
          && EntityHandler.class.isAssignableFrom((Class<?>) parameterized.getRawType())
          && parameterized.getActualTypeArguments()[0] instanceof Class<?> argument) {
        return (Class<T>) argument;
      }
    }
    throw new IllegalArgumentException(
        "handler "
            + handler.getClass().getName()
            + " does not declare its entity as a class (implements EntityHandler<Sale>);"
            + " override entityType() to return it");
  }

  private static Class<?> fromInterfaces(Type[] interfaces) {
    for (Type type : interfaces) {
      if (type instanceof ParameterizedType parameterized
          && parameterized.getRawType() == EntityHandler.class
          && parameterized.getActualTypeArguments()[0] instanceof Class<?> argument) {
        return argument;
      }
    }
    return null;
  }
}
