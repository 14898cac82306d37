package dev.todoai.application.event;

/** What a consumer tells the transport about one delivery (Dapr's pub/sub semantics). */
public enum DeliveryOutcome {
  /** Handled, or a duplicate of an event handled before: do not deliver again. */
  SUCCESS,
  /** A transient failure: deliver again later. */
  RETRY,
  /** A poison message (malformed, unknown major version): never deliver again. */
  DROP
}
