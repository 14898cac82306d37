package dev.todoai.adapter.out.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A selection of tasks as asked for: by state, priority, tags, due range, words, completion time.
 *
 * @param status pending, completed or all
 * @param nouns words that name a tag or words of titles ("errands", "calls"): a tag when there is
 *     one, else a search
 * @param search words to look for in titles and descriptions
 * @param completedSince only tasks completed since then ("what did I finish this week")
 * @param count the answer is how many, not which
 * @param label how the reply names the selection, e.g. "due this week"
 * @param hasDue only tasks with (true) or without (false) a due; null for either
 */
record ListQuery(
    String status,
    List<String> priorities,
    List<String> tags,
    List<String> nouns,
    LocalDate dueAfter,
    LocalDate dueBefore,
    boolean overdue,
    String search,
    Instant completedSince,
    String sortBy,
    String sortOrder,
    Integer limit,
    boolean count,
    String label,
    Boolean hasDue) {

  ListQuery(
      String status,
      List<String> priorities,
      List<String> tags,
      List<String> nouns,
      LocalDate dueAfter,
      LocalDate dueBefore,
      boolean overdue,
      String search,
      Instant completedSince,
      String sortBy,
      String sortOrder,
      Integer limit,
      boolean count,
      String label) {
    this(
        status,
        priorities,
        tags,
        nouns,
        dueAfter,
        dueBefore,
        overdue,
        search,
        completedSince,
        sortBy,
        sortOrder,
        limit,
        count,
        label,
        null);
  }

  ListQuery {
    priorities = priorities == null ? List.of() : List.copyOf(priorities);
    tags = tags == null ? List.of() : List.copyOf(tags);
    nouns = nouns == null ? List.of() : List.copyOf(nouns);
    label = label == null ? "" : label;
  }

  boolean hasFilter() {
    return !priorities.isEmpty()
        || !tags.isEmpty()
        || !nouns.isEmpty()
        || dueAfter != null
        || dueBefore != null
        || overdue
        || search != null
        || completedSince != null
        || hasDue != null
        || !"pending".equals(status);
  }
}
