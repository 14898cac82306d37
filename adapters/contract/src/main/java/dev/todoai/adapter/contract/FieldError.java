package dev.todoai.adapter.contract;

import io.micronaut.serde.annotation.Serdeable;

/** One invalid part of a request: the API name of the field (or header, parameter) and why. */
@Serdeable
public record FieldError(String field, String message) {}
