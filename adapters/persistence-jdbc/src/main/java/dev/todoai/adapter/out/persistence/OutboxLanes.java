package dev.todoai.adapter.out.persistence;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Splits the outbox into lanes by partition key: a relay owns a whole lane while it publishes, so
 * one key's events are published by one relay at a time and in id order. The lane is stored with
 * the row; changing {@link #COUNT} is safe only on an empty backlog, because a key's pending rows
 * would otherwise sit in two lanes.
 */
final class OutboxLanes {
  static final int COUNT = 16;

  private OutboxLanes() {}

  /** The lane of a partition key: the same on every JVM, replica and release (CRC-32 of UTF-8). */
  static int of(String partitionKey) {
    CRC32 crc = new CRC32();
    crc.update(partitionKey.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % COUNT);
  }
}
