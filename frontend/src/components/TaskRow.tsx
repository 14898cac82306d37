import { memo } from 'react';
import type { Priority, Task } from '../api/types';
import { dueLabel } from '../lib/dates';
import { AlarmIcon, CalendarIcon, EditIcon, RepeatIcon, TrashIcon } from './Icons';

export const PRIORITY_LABEL: Record<Priority, string> = {
  urgent: 'Urgent',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  none: 'No priority',
};

export const PRIORITY_SHORT: Record<Priority, string> = { urgent: 'P1', high: 'P2', medium: 'P3', low: 'P4', none: '' };

export interface TaskRowProps {
  task: Task;
  now: number;
  zone: string;
  selected: boolean;
  reminders: number;
  onToggle(task: Task): void;
  onOpen(task: Task): void;
  onDelete(task: Task): void;
  onSelect(task: Task): void;
}

function TaskRowView({ task, now, zone, selected, reminders, onToggle, onOpen, onDelete, onSelect }: TaskRowProps) {
  const due = dueLabel(task, now, zone);
  const dueClass = due ? (due.overdue ? 'due overdue' : due.today ? 'due today' : 'due') : '';
  const description = task.description?.trim();
  return (
    <div
      className={`task-row${task.completed ? ' is-completed' : ''}${selected ? ' is-selected' : ''}${due?.overdue ? ' is-overdue' : ''}`}
      data-task-id={task.id}
      data-priority={task.priority}
      role="group"
      tabIndex={selected ? 0 : -1}
      aria-label={`${task.title}${due ? `, ${due.text}` : ''}${task.priority !== 'none' ? `, ${PRIORITY_LABEL[task.priority]} priority` : ''}`}
      onFocus={() => onSelect(task)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) {
          event.preventDefault();
          onOpen(task);
        }
      }}
    >
      <button
        type="button"
        role="checkbox"
        aria-checked={task.completed}
        className={`check priority-${task.priority}`}
        aria-label={task.completed ? `Reopen “${task.title}”` : `Complete “${task.title}”`}
        onClick={(event) => {
          event.stopPropagation();
          onToggle(task);
        }}
      >
        <svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true" focusable="false">
          <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <div className="task-main" onClick={() => onOpen(task)}>
        <div className="task-title">{task.title}</div>
        {description && <div className="task-description">{description}</div>}
        <div className="task-meta">
          {due && (
            <span className={dueClass} title={due.title}>
              <CalendarIcon size={13} />
              {due.text}
            </span>
          )}
          {task.priority !== 'none' && (
            <span className={`chip priority-chip priority-${task.priority}`} title={`${PRIORITY_LABEL[task.priority]} priority`}>
              {PRIORITY_SHORT[task.priority]} {PRIORITY_LABEL[task.priority]}
            </span>
          )}
          {task.is_recurring && (
            <span className="badge repeat" role="img" title={task.recurrence_text ?? 'Repeats'} aria-label={`Repeats: ${task.recurrence_text ?? task.recurrence_rule ?? ''}`}>
              <RepeatIcon size={13} />
            </span>
          )}
          {reminders > 0 && (
            <span className="badge reminder" role="img" title={`${reminders} reminder${reminders === 1 ? '' : 's'} scheduled`} aria-label={`${reminders} reminder${reminders === 1 ? '' : 's'}`}>
              <AlarmIcon size={13} />
              {reminders > 1 && reminders}
            </span>
          )}
          {task.tags.map((tag) => (
            <span key={tag} className="chip tag-chip">
              #{tag}
            </span>
          ))}
        </div>
      </div>
      <div className="row-actions">
        <button type="button" className="icon-button" aria-label={`Edit “${task.title}”`} title="Edit (e)" onClick={() => onOpen(task)}>
          <EditIcon size={16} />
        </button>
        <button type="button" className="icon-button" aria-label={`Delete “${task.title}”`} title="Delete (#)" onClick={() => onDelete(task)}>
          <TrashIcon size={16} />
        </button>
      </div>
    </div>
  );
}

export const TaskRow = memo(TaskRowView);
