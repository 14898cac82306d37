// The editor's working copy of a task: built from a task, turned back into a merge patch of
// what changed, and compared with the server's copy when a save meets a newer version (412).
import type { Priority, RecurrenceAnchor, Task, TaskPatch } from '../api/types';
import { dateIn, isValidZone, timeIn, toIso, zonedToInstant } from './dates';

export type DueMode = 'none' | 'date' | 'datetime';

export interface Draft {
  title: string;
  description: string;
  priority: Priority;
  tags: string[];
  dueMode: DueMode;
  dueDate: string;
  dueTime: string;
  timeZone: string;
  recurrenceRule: string | null;
  anchor: RecurrenceAnchor;
}

export function draftOf(task: Task, fallbackZone: string): Draft {
  const zone = task.time_zone || fallbackZone;
  let dueMode: DueMode = 'none';
  let dueDate = '';
  let dueTime = '09:00';
  if (task.due_date) {
    dueMode = 'date';
    dueDate = task.due_date;
  } else if (task.due_at) {
    dueMode = 'datetime';
    const ms = Date.parse(task.due_at);
    dueDate = dateIn(ms, zone);
    dueTime = timeIn(ms, zone);
  }
  return {
    title: task.title,
    description: task.description ?? '',
    priority: task.priority,
    tags: [...task.tags],
    dueMode,
    dueDate,
    dueTime,
    timeZone: zone,
    recurrenceRule: task.recurrence_rule,
    anchor: task.recurrence_anchor,
  };
}

/** The due fields of a draft as the API takes them. */
export function dueFields(draft: Draft): Pick<TaskPatch, 'due_at' | 'due_date'> {
  if (draft.dueMode === 'date' && draft.dueDate) return { due_date: draft.dueDate, due_at: null };
  if (draft.dueMode === 'datetime' && draft.dueDate && isValidZone(draft.timeZone)) {
    return { due_at: toIso(zonedToInstant(draft.dueDate, draft.dueTime || '09:00', draft.timeZone)), due_date: null };
  }
  return { due_at: null, due_date: null };
}

function sameTags(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

export type DraftField = 'title' | 'description' | 'priority' | 'tags' | 'due' | 'time_zone' | 'recurrence' | 'anchor';

export const FIELD_LABEL: Record<DraftField, string> = {
  title: 'Title',
  description: 'Description',
  priority: 'Priority',
  tags: 'Tags',
  due: 'Due',
  time_zone: 'Time zone',
  recurrence: 'Repeat',
  anchor: 'Repeat from',
};

/** Which fields differ between two drafts. */
export function changedFields(a: Draft, b: Draft): DraftField[] {
  const out: DraftField[] = [];
  if (a.title !== b.title) out.push('title');
  if (a.description !== b.description) out.push('description');
  if (a.priority !== b.priority) out.push('priority');
  if (!sameTags(a.tags, b.tags)) out.push('tags');
  const da = dueFields(a);
  const db = dueFields(b);
  if (da.due_at !== db.due_at || da.due_date !== db.due_date) out.push('due');
  if (a.timeZone !== b.timeZone && a.dueMode === 'datetime') out.push('time_zone');
  if ((a.recurrenceRule ?? '') !== (b.recurrenceRule ?? '')) out.push('recurrence');
  if (a.anchor !== b.anchor && (a.recurrenceRule || b.recurrenceRule)) out.push('anchor');
  return out;
}

/** The merge patch that turns `base` into `draft` (only the fields that changed). */
export function patchOf(draft: Draft, base: Draft): TaskPatch {
  const patch: TaskPatch = {};
  for (const field of changedFields(draft, base)) {
    switch (field) {
      case 'title':
        patch.title = draft.title.trim();
        break;
      case 'description':
        patch.description = draft.description.trim() ? draft.description : null;
        break;
      case 'priority':
        patch.priority = draft.priority;
        break;
      case 'tags':
        patch.tags = draft.tags;
        break;
      case 'due':
      case 'time_zone':
        Object.assign(patch, dueFields(draft));
        patch.time_zone = draft.timeZone;
        break;
      case 'recurrence':
        patch.recurrence_rule = draft.recurrenceRule;
        break;
      case 'anchor':
        patch.recurrence_anchor = draft.anchor;
        break;
    }
  }
  return patch;
}

/** A field's value as a person reads it, for the conflict view. */
export function showField(draft: Draft, field: DraftField): string {
  switch (field) {
    case 'title':
      return draft.title;
    case 'description':
      return draft.description || '(none)';
    case 'priority':
      return draft.priority;
    case 'tags':
      return draft.tags.length ? draft.tags.map((t) => `#${t}`).join(' ') : '(none)';
    case 'due':
      return draft.dueMode === 'none' ? '(none)' : draft.dueMode === 'date' ? draft.dueDate : `${draft.dueDate} ${draft.dueTime}`;
    case 'time_zone':
      return draft.timeZone;
    case 'recurrence':
      return draft.recurrenceRule ?? 'does not repeat';
    case 'anchor':
      return draft.anchor === 'due' ? 'due date' : 'completion';
  }
}

export interface Conflict {
  /** The server's task at the time of the failed save. */
  server: Task;
  theirs: Draft;
  /** Fields both sides changed differently, then fields only they changed. */
  fields: { field: DraftField; mine: string; theirs: string; both: boolean }[];
}

/** What happened to a task between `base` (where the edit started) and `server`, next to my draft. */
export function conflictOf(base: Draft, mine: Draft, server: Task, fallbackZone: string): Conflict {
  const theirs = draftOf(server, fallbackZone);
  const myChanges = new Set(changedFields(mine, base));
  const theirChanges = changedFields(theirs, base);
  const fields = theirChanges.map((field) => ({
    field,
    mine: showField(mine, field),
    theirs: showField(theirs, field),
    both: myChanges.has(field) && showField(mine, field) !== showField(theirs, field),
  }));
  fields.sort((a, b) => Number(b.both) - Number(a.both));
  return { server, theirs, fields };
}

/** Keep mine: my changed fields on top of the server's copy. */
export function rebase(mine: Draft, base: Draft, theirs: Draft): Draft {
  const next: Draft = { ...theirs, tags: [...theirs.tags] };
  for (const field of changedFields(mine, base)) {
    switch (field) {
      case 'title':
        next.title = mine.title;
        break;
      case 'description':
        next.description = mine.description;
        break;
      case 'priority':
        next.priority = mine.priority;
        break;
      case 'tags':
        next.tags = [...mine.tags];
        break;
      case 'due':
      case 'time_zone':
        next.dueMode = mine.dueMode;
        next.dueDate = mine.dueDate;
        next.dueTime = mine.dueTime;
        next.timeZone = mine.timeZone;
        break;
      case 'recurrence':
        next.recurrenceRule = mine.recurrenceRule;
        break;
      case 'anchor':
        next.anchor = mine.anchor;
        break;
    }
  }
  return next;
}
