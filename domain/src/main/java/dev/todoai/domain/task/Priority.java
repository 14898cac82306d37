package dev.todoai.domain.task;

/** Priority of a task; {@link #rank()} orders urgent > high > medium > low > none. */
public enum Priority {
  NONE(0),
  LOW(1),
  MEDIUM(2),
  HIGH(3),
  URGENT(4);

  private final int rank;

  Priority(int rank) {
    this.rank = rank;
  }

  public int rank() {
    return rank;
  }

  public static Priority fromRank(int rank) {
    for (Priority p : values()) {
      if (p.rank == rank) {
        return p;
      }
    }
    throw new IllegalArgumentException("no priority with rank " + rank);
  }
}
