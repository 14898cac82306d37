package dev.todoai.adapter.in.rest;

/** One invalid part of a request: the API name of the field (or header/parameter) and why. */
record FieldError(String field, String message) {}
