package dev.todoai.adapter.out.persistence;

import dev.todoai.adapter.out.persistence.Jdbc.TextArray;
import dev.todoai.application.port.out.AuditLogPort;
import dev.todoai.domain.audit.AuditEntry;
import dev.todoai.domain.audit.AuditFilter;
import dev.todoai.domain.audit.AuditPage;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskPageRequest;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail in {@code audit_entries}: newest first by id, keyset pages, every statement
 * scoped to the owner. An event recorded twice is kept once (the event id is unique).
 */
@Singleton
final class AuditLogPersistenceAdapter implements AuditLogPort {
  private static final String INSERT =
      "INSERT INTO audit_entries (event_id, user_id, task_id, event_type, occurred_at, snapshot,"
          + " changed_fields) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING";

  private final Jdbc jdbc;

  AuditLogPersistenceAdapter(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void append(AuditEntry entry) {
    jdbc.write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            Jdbc.bind(
                ps,
                List.of(
                    entry.eventId(),
                    entry.userId().value(),
                    entry.taskId(),
                    entry.eventType(),
                    entry.occurredAt(),
                    entry.snapshot(),
                    new TextArray(entry.changedFields())));
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public AuditPage query(UserId owner, AuditFilter filter, TaskPageRequest page) {
    AuditCursor after = page.cursor() == null ? null : AuditCursor.decode(page.cursor());
    int limit = page.limit();
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, event_id, user_id, task_id, event_type, occurred_at, snapshot,"
                + " changed_fields FROM audit_entries WHERE user_id = ?");
    List<Object> params = new ArrayList<>();
    params.add(owner.value());
    if (filter.taskId() != null) {
      sql.append(" AND task_id = ?");
      params.add(filter.taskId());
    }
    if (filter.eventType() != null) {
      sql.append(" AND event_type = ?");
      params.add(filter.eventType());
    }
    if (after != null) {
      sql.append(" AND id < ?");
      params.add(after.id());
    }
    sql.append(" ORDER BY id DESC LIMIT ?");
    params.add(limit + 1);
    return jdbc.read(
        c -> {
          List<AuditEntry> entries = new ArrayList<>(limit + 1);
          long lastId = 0;
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Jdbc.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                entries.add(read(rs));
                if (entries.size() == limit) {
                  lastId = rs.getLong("id");
                }
              }
            }
          }
          if (entries.size() <= limit) {
            return new AuditPage(entries, null);
          }
          return new AuditPage(entries.subList(0, limit), new AuditCursor(lastId).encode());
        });
  }

  private static AuditEntry read(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getObject("event_id", UUID.class),
        rs.getString("event_type"),
        new UserId(rs.getString("user_id")),
        rs.getLong("task_id"),
        Jdbc.instant(rs, "occurred_at"),
        rs.getString("snapshot"),
        texts(rs.getArray("changed_fields")));
  }

  private static List<String> texts(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    try {
      return Arrays.asList((String[]) array.getArray());
    } finally {
      array.free();
    }
  }
}
