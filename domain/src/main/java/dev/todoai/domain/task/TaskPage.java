package dev.todoai.domain.task;

import java.util.List;

/** One page of tasks; {@code nextCursor} is null on the last page. */
public record TaskPage(List<Task> items, String nextCursor) {
  public TaskPage {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return nextCursor != null;
  }
}
