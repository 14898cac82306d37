package dev.todoai.adapter.contract;

import dev.todoai.domain.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The API spelling of the domain's enumerations (priority, recurrence anchor, reminder status,
 * status filter, tag mode, sort): the constant's name in lower case.
 */
public final class ApiNames {
  private ApiNames() {}

  /** The API name of {@code value}, e.g. {@code "urgent"}; null for null. */
  public static String of(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  /** Every API name of the type, in declaration order. */
  public static <E extends Enum<E>> List<String> all(Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E value : type.getEnumConstants()) {
      names.add(of(value));
    }
    return names;
  }

  /**
   * The constant with the API name {@code text}.
   *
   * @throws InvalidValueException naming {@code field} and the allowed names
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
    for (E value : type.getEnumConstants()) {
      if (of(value).equals(text)) {
        return value;
      }
    }
    throw new InvalidValueException(field, "must be one of " + String.join(", ", all(type)));
  }
}
