package dev.todoai.application.port.out;

import dev.todoai.domain.audit.AuditEntry;
import dev.todoai.domain.audit.AuditFilter;
import dev.todoai.domain.audit.AuditPage;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskPageRequest;

/** The audit trail: one entry per task event, listed newest first with keyset pages. */
public interface AuditLogPort {
  void append(AuditEntry entry);

  AuditPage query(UserId owner, AuditFilter filter, TaskPageRequest page);
}
