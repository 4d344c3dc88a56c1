package io.entityflow.pipelines.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * One pipeline option as its options interface declares it, read by reflection from the getter's
 * {@link Description}, {@code @Default.*} and {@link Validation.Required} annotations.
 *
 * <pre>{@code
 * List<PipelineOptionSpec> options =
 *     PipelineOptionSpec.declaredIn(EntityTopicsToBigQueryOptions.class, "io.entityflow.pipelines.options");
 * // [bigQueryProject, datasetPrefix, ..., writeMethod], each with description, default and type
 * }</pre>
 *
 * @param name the option's name, as in {@code --name}
 * @param description the {@link Description} text
 * @param defaultValue the {@code @Default.*} value as text, null without one
 * @param required whether the getter is {@link Validation.Required}
 * @param type the getter's return type
 * @param declaredBy the options interface that declares the getter
 */
public record PipelineOptionSpec(
    String name,
    String description,
    String defaultValue,
    boolean required,
    Class<?> type,
    Class<?> declaredBy) {

  /**
   * The options of {@code options} (its own getters and inherited ones) declared by interfaces of
   * {@code packageName}, sorted by name. Every such getter must carry a {@link Description}.
   */
  public static List<PipelineOptionSpec> declaredIn(
      Class<? extends PipelineOptions> options, String packageName) {
    return Arrays.stream(options.getMethods())
        .filter(method -> method.getDeclaringClass().getPackageName().equals(packageName))
        .filter(PipelineOptionSpec::isGetter)
        .map(PipelineOptionSpec::of)
        .sorted(Comparator.comparing(PipelineOptionSpec::name))
        .collect(Collectors.toList());
  }

  /** The option names of {@code specs}, in order. */
  public static List<String> names(List<PipelineOptionSpec> specs) {
    return specs.stream().map(PipelineOptionSpec::name).collect(Collectors.toList());
  }

  /**
   * How {@code --help} shows the type: the simple name, or the constants of an enum joined by
   * {@code " | "}.
   */
  public String helpType() {
    if (type.isEnum()) {
      return Arrays.stream(type.getEnumConstants())
          .map(String::valueOf)
          .collect(Collectors.joining(" | "));
    }
    return type.getSimpleName();
  }

  private static boolean isGetter(Method method) {
    return method.getParameterCount() == 0
        && !method.isDefault()
        && !java.lang.reflect.Modifier.isStatic(method.getModifiers())
        && (method.getName().startsWith("get") || method.getName().startsWith("is"));
  }

  private static PipelineOptionSpec of(Method getter) {
    Description description = getter.getAnnotation(Description.class);
    if (description == null) {
      throw new IllegalStateException(
          getter.getDeclaringClass().getName()
              + "."
              + getter.getName()
              + " has no @Description; every pipeline option needs one");
    }
    String property = getter.getName().replaceFirst("^(get|is)", "");
    return new PipelineOptionSpec(
        Character.toLowerCase(property.charAt(0)) + property.substring(1),
        description.value(),
        defaultValue(getter),
        getter.isAnnotationPresent(Validation.Required.class),
        getter.getReturnType(),
        getter.getDeclaringClass());
  }

  private static String defaultValue(Method getter) {
    for (Annotation annotation : getter.getAnnotations()) {
      if (annotation.annotationType().getEnclosingClass() == Default.class) {
        try {
          Object value = annotation.annotationType().getMethod("value").invoke(annotation);
          return value instanceof Class<?> type ? type.getName() : String.valueOf(value);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + annotation + " of " + getter, e);
        }
      }
    }
    return null;
  }
}
