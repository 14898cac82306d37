package dev.todoai.domain.task;

import dev.todoai.domain.shared.InvalidValueException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The set of 0-20 tags of a task; duplicates (after lower-casing) collapse. Sorted. */
public record Tags(SortedSet<Tag> values) {
  public static final int MAX_TAGS = 20;
  public static final Tags NONE = new Tags(new TreeSet<>());

  public Tags {
    if (values == null) {
      values = new TreeSet<>();
    }
    values = Collections.unmodifiableSortedSet(new TreeSet<>(values));
    if (values.size() > MAX_TAGS) {
      throw new InvalidValueException("tags", "must contain at most " + MAX_TAGS + " tags");
    }
  }

  /** Builds tags from raw texts: each is normalised, duplicates collapse. */
  public static Tags of(Collection<String> texts) {
    if (texts == null) {
      return NONE;
    }
    TreeSet<Tag> set = new TreeSet<>();
    for (String text : texts) {
      set.add(new Tag(text));
    }
    return new Tags(set);
  }

  public static Tags of(String... texts) {
    return of(List.of(texts));
  }

  public List<String> texts() {
    return values.stream().map(Tag::value).toList();
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }
}
