import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { ApiError, describeError, isAbort } from '../api/client';
import type { QuickAddParse, TaskInput } from '../api/types';
import { dueLabel } from '../lib/dates';
import { describeDuration, describeRule, presetRule } from '../lib/rrule';
import { showToast } from '../state/toasts';
import { useDebounced, useWorkspace } from './context';
import { AlarmIcon, CalendarIcon, FlagIcon, PlusIcon, RepeatIcon } from './Icons';
import { PRIORITY_LABEL } from './TaskRow';

const DRAFT_KEY = 'todo-ai.quick-add-draft';

export interface QuickAddHandle {
  focus(): void;
}

interface Preview {
  text: string;
  parsed: QuickAddParse;
}

export const QuickAdd = forwardRef<QuickAddHandle, { extraTags?: string[] }>(function QuickAdd({ extraTags = [] }, ref) {
  const { api, tasks, zone, openTask } = useWorkspace();
  const [text, setText] = useState(() => sessionStorage.getItem(DRAFT_KEY) ?? '');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const idempotency = useRef<{ text: string; key: string } | null>(null);
  const debounced = useDebounced(text, 250);
  const [narrow] = useState(() => typeof window !== 'undefined' && window.matchMedia?.('(max-width: 640px)').matches);

  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), []);

  useEffect(() => {
    if (text) sessionStorage.setItem(DRAFT_KEY, text);
    else sessionStorage.removeItem(DRAFT_KEY);
  }, [text]);

  useEffect(() => {
    const value = debounced.trim();
    if (!value) {
      setPreview(null);
      return;
    }
    const controller = new AbortController();
    api
      .parseQuickAdd(value, zone, controller.signal)
      .then((parsed) => {
        setPreview({ text: value, parsed });
        setError(null);
      })
      .catch((e) => {
        if (!isAbort(e)) setPreview(null);
      });
    return () => controller.abort();
  }, [debounced, api, zone]);

  async function submit() {
    const value = text.trim();
    if (!value || busy) return;
    setBusy(true);
    setError(null);
    try {
      const parsed = preview && preview.text === value ? preview.parsed : await api.parseQuickAdd(value, zone);
      const body = toTaskInput(parsed, value, zone, extraTags);
      if (!idempotency.current || idempotency.current.text !== value) {
        idempotency.current = { text: value, key: crypto.randomUUID() };
      }
      const task = await tasks.create(body, idempotency.current.key);
      idempotency.current = null;
      setText('');
      setPreview(null);
      showToast({
        message: `Added “${task.title}”`,
        tone: 'success',
        action: { label: 'Open', run: () => openTask(task.id) },
      });
    } catch (e) {
      setError(e instanceof ApiError && e.problem?.errors?.length ? e.problem.errors.map((x) => `${x.field}: ${x.message}`).join(' · ') : describeError(e));
    } finally {
      setBusy(false);
    }
  }

  const parsed = preview && preview.text === text.trim() ? preview.parsed : null;
  return (
    <form
      className="quick-add"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="quick-add-field">
        <PlusIcon size={18} className="quick-add-icon" />
        <input
          ref={input}
          type="text"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              (event.target as HTMLInputElement).blur();
            }
          }}
          placeholder={narrow ? 'Add a task, e.g. call mom tomorrow 5pm' : 'Add a task — e.g. pay rent every month on the 1st p1 #home remind me 1 day before'}
          aria-label="Quick add a task"
          aria-describedby="quick-add-preview quick-add-error"
          aria-invalid={error ? true : undefined}
          maxLength={1000}
          autoComplete="off"
          enterKeyHint="done"
        />
        <button type="submit" className="button primary small" disabled={!text.trim() || busy}>
          {busy ? 'Adding…' : 'Add'}
        </button>
      </div>
      <div id="quick-add-preview" className="quick-add-preview" aria-live="polite">
        {parsed && <PreviewChips parsed={parsed} zone={zone} />}
      </div>
      {error && (
        <div id="quick-add-error" className="field-error" role="alert">
          {error}
        </div>
      )}
    </form>
  );
});

export function toTaskInput(parsed: QuickAddParse, fallbackTitle: string, zone: string, extraTags: string[]): TaskInput {
  const body: TaskInput = { title: parsed.title?.trim() || fallbackTitle };
  if (parsed.description) body.description = parsed.description;
  if (parsed.priority) body.priority = parsed.priority;
  const tags = [...new Set([...(parsed.tags ?? []), ...extraTags])];
  if (tags.length) body.tags = tags;
  if (parsed.due_at) body.due_at = parsed.due_at;
  if (parsed.due_date) body.due_date = parsed.due_date;
  body.time_zone = parsed.time_zone ?? zone;
  if (parsed.recurrence_rule) body.recurrence_rule = parsed.recurrence_rule;
  else if (parsed.recurrence) body.recurrence = parsed.recurrence as TaskInput['recurrence'];
  if (parsed.recurrence_anchor) body.recurrence_anchor = parsed.recurrence_anchor;
  if (parsed.reminders?.length) body.reminders = parsed.reminders;
  return body;
}

function PreviewChips({ parsed, zone }: { parsed: QuickAddParse; zone: string }) {
  const due = dueLabel({ due_at: parsed.due_at ?? null, due_date: parsed.due_date ?? null, completed: false, time_zone: parsed.time_zone ?? zone }, Date.now(), zone);
  const rule = parsed.recurrence_rule ?? (parsed.recurrence ? presetRule(parsed.recurrence as never) : null);
  return (
    <ul className="preview-chips" aria-label="What quick add understood">
      <li className="preview-chip title-chip">
        <span className="preview-label">Title</span> {parsed.title ?? '—'}
      </li>
      {due && (
        <li className="preview-chip">
          <CalendarIcon size={13} /> <span className="preview-label">Due</span> {due.text}
        </li>
      )}
      {rule && (
        <li className="preview-chip">
          <RepeatIcon size={13} /> <span className="preview-label">Repeats</span> {describeRule(rule)}
        </li>
      )}
      {parsed.priority && parsed.priority !== 'none' && (
        <li className={`preview-chip priority-text-${parsed.priority}`}>
          <FlagIcon size={13} /> <span className="preview-label">Priority</span> {PRIORITY_LABEL[parsed.priority]}
        </li>
      )}
      {(parsed.tags ?? []).map((tag) => (
        <li key={tag} className="preview-chip">
          <span className="preview-label">Tag</span> #{tag}
        </li>
      ))}
      {(parsed.reminders ?? []).map((r, i) => (
        <li key={i} className="preview-chip">
          <AlarmIcon size={13} /> <span className="preview-label">Reminder</span>{' '}
          {r.before_due ? (describeDuration(r.before_due) === 'at due' ? 'at due' : `${describeDuration(r.before_due)} before`) : r.remind_at ? new Date(r.remind_at).toLocaleString('en-GB', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }) : ''}
        </li>
      ))}
    </ul>
  );
}
