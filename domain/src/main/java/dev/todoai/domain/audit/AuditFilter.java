package dev.todoai.domain.audit;

/** Which audit entries to list; null criteria match everything. */
public record AuditFilter(Long taskId, String eventType) {
  public static final AuditFilter ALL = new AuditFilter(null, null);
}
