package dev.todoai.application.service;

import dev.todoai.application.port.in.ListAuditEntriesQuery;
import dev.todoai.application.port.out.AuditLogPort;
import dev.todoai.domain.audit.AuditFilter;
import dev.todoai.domain.audit.AuditPage;
import dev.todoai.domain.shared.UserId;
import dev.todoai.domain.task.TaskPageRequest;

/** Lists a user's audit trail. */
public final class ListAuditEntriesService implements ListAuditEntriesQuery {
  private final AuditLogPort auditLog;

  public ListAuditEntriesService(AuditLogPort auditLog) {
    this.auditLog = auditLog;
  }

  @Override
  public AuditPage list(UserId owner, AuditFilter filter, TaskPageRequest page) {
    return auditLog.query(owner, filter, page);
  }
}
