package dev.todoai.application.port.in;

import dev.todoai.domain.audit.AuditFilter;
import dev.todoai.domain.audit.AuditPage;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskPageRequest;

/** Lists a user's audit trail, newest first. */
public interface ListAuditEntriesQuery {
  AuditPage list(UserId owner, AuditFilter filter, TaskPageRequest page);
}
