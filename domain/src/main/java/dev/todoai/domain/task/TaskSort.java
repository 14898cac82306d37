package dev.todoai.domain.task;

/**
 * Order of a task list. Ties are broken by id in the same direction; tasks without a due sort last
 * in both directions.
 */
public record TaskSort(Field field, Order order) {
  public static final TaskSort DEFAULT = of(Field.CREATED_AT, null);

  public TaskSort {
    if (field == null) {
      field = Field.CREATED_AT;
    }
    if (order == null) {
      order = field.defaultOrder();
    }
  }

  public static TaskSort of(Field field, Order order) {
    return new TaskSort(field, order);
  }

  /** What to sort by; API names are lower-case. */
  public enum Field {
    CREATED_AT(Order.DESC),
    UPDATED_AT(Order.DESC),
    DUE(Order.ASC),
    PRIORITY(Order.DESC),
    TITLE(Order.ASC);

    private final Order defaultOrder;

    Field(Order defaultOrder) {
      this.defaultOrder = defaultOrder;
    }

    public Order defaultOrder() {
      return defaultOrder;
    }
  }

  /** Direction. */
  public enum Order {
    ASC,
    DESC
  }
}
