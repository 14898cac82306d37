package dev.todoai.adapter.out.persistence;

import java.util.Locale;

/** How the tables spell the domain's enumerations: a constant's name in lower case. */
final class StoredNames {
  private StoredNames() {}

  static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalStateException when the column holds no name of {@code type}
   */
  static <E extends Enum<E>> E parse(Class<E> type, String stored) {
    for (E value : type.getEnumConstants()) {
      if (of(value).equals(stored)) {
        return value;
      }
    }
    throw new IllegalStateException(
        "unknown " + type.getSimpleName() + " in the database: " + stored);
  }
}
