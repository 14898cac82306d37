package dev.todoai.adapter.out.assistant;

/** A grammar rule's result: the value and the index of the first token after the match. */
record Parsed<T>(T value, int next) {}
