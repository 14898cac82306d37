package dev.todoai.adapter.out.assistant;

import java.util.List;

/** Which task(s) a request is about, as said: resolved against the conversation and the tools. */
sealed interface Target {

  /** Nothing said ("remind me an hour before"): the task the conversation is about. */
  record Implicit() implements Target {}

  /** "it", "that", "this one"; plural: "them", "all of them", "both". */
  record Pronoun(boolean plural) implements Target {}

  /**
   * "the first one" (1), "the second one" (2), "the last one" (-1) of the last list; {@code count}
   * of them from there ("the first two", "the last three").
   */
  record Ordinal(int n, int count) implements Target {
    Ordinal(int n) {
      this(n, 1);
    }
  }

  /** "task 12", "#12". */
  record Id(long id) implements Target {}

  /** Words of a title: "the passport renewal", "Sam's present". */
  record Text(String phrase) implements Target {}

  /** "pay rent and the tax return". */
  record Several(List<Target> parts) implements Target {}

  /** "all my travel tasks", "everything tagged work", "the done tasks". */
  record Filter(ListQuery query) implements Target {}
}
