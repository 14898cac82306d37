package dev.todoai.domain.audit;

import java.util.List;

/** One page of audit entries, newest first; {@code nextCursor} is null on the last page. */
public record AuditPage(List<AuditEntry> items, String nextCursor) {
  public AuditPage {
    items = List.copyOf(items);
  }
}
