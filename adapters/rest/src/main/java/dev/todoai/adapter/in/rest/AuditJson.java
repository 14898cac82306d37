package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.adapter.contract.ApiTime;
import dev.todoai.domain.audit.AuditEntry;
import java.util.List;

/**
 * The JSON representation of an audit entry; {@code task} is the recorded snapshot as an object.
 */
final class AuditJson {
  private AuditJson() {}

  static ObjectNode of(AuditEntry entry) {
    ObjectNode json = Json.object();
    json.put("event_id", entry.eventId().toString());
    json.put("event_type", entry.eventType());
    json.put("user_id", entry.userId().value());
    json.put("task_id", entry.taskId());
    json.put("occurred_at", ApiTime.format(entry.occurredAt()));
    json.set("task", Json.readStored(entry.snapshot()));
    ArrayNode changed = json.putArray("changed_fields");
    entry.changedFields().forEach(changed::add);
    return json;
  }

  static ArrayNode of(List<AuditEntry> entries) {
    ArrayNode array = Json.array();
    entries.forEach(entry -> array.add(of(entry)));
    return array;
  }
}
