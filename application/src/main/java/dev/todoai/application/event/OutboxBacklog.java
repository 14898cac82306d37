package dev.todoai.application.event;

import java.time.Duration;

/** How far publication lags behind: unpublished events and the age of the oldest. */
public record OutboxBacklog(long unpublished, Duration oldestAge) {}
