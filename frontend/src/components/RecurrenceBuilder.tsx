import { useEffect, useId, useState } from 'react';
import { ApiError, describeError, isAbort } from '../api/client';
import type { RecurrenceAnchor, RecurrencePreview } from '../api/types';
import { dateIn, fullDateTime, shortDate, weekdayName } from '../lib/dates';
import type { Draft } from '../lib/draft';
import { dueFields } from '../lib/draft';
import {
  dayOfMonthText,
  defaultModel,
  type Freq,
  MONTH_NAMES,
  ordinal,
  parseRRule,
  presetOf,
  presetRule,
  type Preset,
  type RecurrenceModel,
  toRRule,
  WEEKDAY_NAMES,
  WEEKDAYS,
  weekdayOf,
} from '../lib/rrule';
import { useDebounced, useWorkspace } from './context';

export interface RecurrenceBuilderProps {
  draft: Draft;
  error?: string;
  onChange(rule: string | null, anchor: RecurrenceAnchor): void;
}

const UNIT: Record<Freq, string> = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' };

export function RecurrenceBuilder({ draft, error, onChange }: RecurrenceBuilderProps) {
  const id = useId();
  const { api, zone } = useWorkspace();
  const today = dateIn(Date.now(), zone);
  const start = draft.dueDate || today;
  const rule = draft.recurrenceRule;
  const preset = presetOf(rule);
  const [customText, setCustomText] = useState(rule ?? '');
  const model = parseRRule(rule);
  const [preview, setPreview] = useState<RecurrencePreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const context = { allDay: draft.dueMode !== 'datetime', timeZone: draft.timeZone };

  const previewKey = useDebounced(JSON.stringify({ rule, due: dueFields(draft), zone: draft.timeZone }), 300);
  useEffect(() => {
    const { rule: r, due, zone: tz } = JSON.parse(previewKey) as { rule: string | null; due: ReturnType<typeof dueFields>; zone: string };
    setPreviewError(null);
    if (!r) {
      setPreview(null);
      return;
    }
    if (!due.due_at && !due.due_date) {
      setPreview(null);
      setPreviewError('A repeating task needs a due date.');
      return;
    }
    const controller = new AbortController();
    api
      .previewRecurrence({ recurrence_rule: r, due_at: due.due_at ?? undefined, due_date: due.due_date ?? undefined, time_zone: tz, count: 3 }, controller.signal)
      .then(setPreview)
      .catch((e) => {
        if (isAbort(e)) return;
        setPreview(null);
        setPreviewError(e instanceof ApiError ? (e.messageFor('recurrence_rule') ?? describeError(e)) : describeError(e));
      });
    return () => controller.abort();
  }, [previewKey, api]);

  const choosePreset = (next: Preset) => {
    if (next === 'none') onChange(null, draft.anchor);
    else if (next === 'custom') {
      const base = model ?? defaultModel('WEEKLY', start);
      onChange(toRRule(base, context), draft.anchor);
    } else onChange(presetRule(next), draft.anchor);
  };
  const update = (patch: Partial<RecurrenceModel>) => {
    const base = model ?? defaultModel('WEEKLY', start);
    onChange(toRRule({ ...base, ...patch }, context), draft.anchor);
  };

  const { day } = { day: Number(start.slice(8, 10)) };
  const presetLabels: Record<Preset, string> = {
    none: 'Does not repeat',
    daily: 'Every day',
    weekdays: 'Every weekday (Mon–Fri)',
    weekly: `Every week on ${weekdayName(start)}`,
    monthly: `Every month on the ${dayOfMonthText(day)}`,
    yearly: `Every year on ${shortDate(start)}`,
    custom: 'Custom…',
  };

  return (
    <div className="recurrence-builder">
      <label className="field-label" htmlFor={`${id}-preset`}>
        Repeat
      </label>
      <select id={`${id}-preset`} className="input" value={preset} onChange={(e) => choosePreset(e.target.value as Preset)}>
        {(Object.keys(presetLabels) as Preset[]).map((p) => (
          <option key={p} value={p}>
            {presetLabels[p]}
          </option>
        ))}
      </select>

      {preset === 'custom' && model && (
        <div className="custom-rule" role="group" aria-label="Custom repeat">
          <div className="inline-fields">
            <label htmlFor={`${id}-interval`}>Every</label>
            <input
              id={`${id}-interval`}
              className="input tiny"
              type="number"
              min={1}
              max={1000}
              value={model.interval}
              onChange={(e) => update({ interval: Math.max(1, Number(e.target.value) || 1) })}
            />
            <label className="sr-only" htmlFor={`${id}-freq`}>
              Unit
            </label>
            <select
              id={`${id}-freq`}
              className="input small"
              value={model.freq}
              onChange={(e) => {
                const freq = e.target.value as Freq;
                const fresh = defaultModel(freq, start);
                onChange(toRRule({ ...fresh, interval: model.interval, end: model.end }, context), draft.anchor);
              }}
            >
              {(Object.keys(UNIT) as Freq[]).map((f) => (
                <option key={f} value={f}>
                  {UNIT[f]}
                  {model.interval > 1 ? 's' : ''}
                </option>
              ))}
            </select>
          </div>

          {model.freq === 'WEEKLY' && (
            <div className="weekday-picker" role="group" aria-label="On these days">
              {WEEKDAYS.map((d) => {
                const on = model.weekdays.includes(d) || (model.weekdays.length === 0 && d === weekdayOf(start));
                return (
                  <button
                    key={d}
                    type="button"
                    aria-pressed={on}
                    aria-label={WEEKDAY_NAMES[d]}
                    className={`day-toggle${on ? ' active' : ''}`}
                    onClick={() => {
                      const current = model.weekdays.length ? model.weekdays : [weekdayOf(start)];
                      const next = on ? current.filter((x) => x !== d) : [...current, d];
                      update({ weekdays: next.length ? next : current });
                    }}
                  >
                    {WEEKDAY_NAMES[d].slice(0, 2)}
                  </button>
                );
              })}
            </div>
          )}

          {(model.freq === 'MONTHLY' || model.freq === 'YEARLY') && (
            <div className="monthly-options" role="radiogroup" aria-label="On which day">
              {model.freq === 'YEARLY' && (
                <div className="inline-fields">
                  <label htmlFor={`${id}-month`}>In</label>
                  <select id={`${id}-month`} className="input small" value={model.month} onChange={(e) => update({ month: Number(e.target.value) })}>
                    {MONTH_NAMES.map((m, i) => (
                      <option key={m} value={i + 1}>
                        {m}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <div className="inline-fields">
                <input type="radio" id={`${id}-byday`} name={`${id}-monthly`} checked={model.monthlyMode === 'day'} onChange={() => update({ monthlyMode: 'day' })} />
                <label htmlFor={`${id}-byday`}>On day</label>
                <select aria-label="Day of the month" className="input small" value={model.monthDay} onChange={(e) => update({ monthlyMode: 'day', monthDay: Number(e.target.value) })}>
                  {Array.from({ length: 31 }, (_, i) => i + 1).map((n) => (
                    <option key={n} value={n}>
                      {dayOfMonthText(n)}
                    </option>
                  ))}
                  <option value={-1}>last day</option>
                </select>
              </div>
              <div className="inline-fields">
                <input type="radio" id={`${id}-bypos`} name={`${id}-monthly`} checked={model.monthlyMode === 'weekday'} onChange={() => update({ monthlyMode: 'weekday' })} />
                <label htmlFor={`${id}-bypos`}>On the</label>
                <select aria-label="Which week" className="input small" value={model.setPos} onChange={(e) => update({ monthlyMode: 'weekday', setPos: Number(e.target.value) })}>
                  {[1, 2, 3, 4, -1].map((n) => (
                    <option key={n} value={n}>
                      {ordinal(n)}
                    </option>
                  ))}
                </select>
                <select aria-label="Weekday" className="input small" value={model.setWeekday} onChange={(e) => update({ monthlyMode: 'weekday', setWeekday: e.target.value as RecurrenceModel['setWeekday'] })}>
                  {WEEKDAYS.map((d) => (
                    <option key={d} value={d}>
                      {WEEKDAY_NAMES[d]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          )}

          <div className="ends" role="radiogroup" aria-label="Ends">
            <span className="field-label">Ends</span>
            <div className="inline-fields">
              <input type="radio" id={`${id}-never`} name={`${id}-end`} checked={model.end.kind === 'never'} onChange={() => update({ end: { kind: 'never' } })} />
              <label htmlFor={`${id}-never`}>Never</label>
            </div>
            <div className="inline-fields">
              <input
                type="radio"
                id={`${id}-after`}
                name={`${id}-end`}
                checked={model.end.kind === 'count'}
                onChange={() => update({ end: { kind: 'count', count: model.end.kind === 'count' ? model.end.count : 10 } })}
              />
              <label htmlFor={`${id}-after`}>After</label>
              <input
                aria-label="Number of times"
                className="input tiny"
                type="number"
                min={1}
                max={10000}
                value={model.end.kind === 'count' ? model.end.count : 10}
                onChange={(e) => update({ end: { kind: 'count', count: Math.max(1, Number(e.target.value) || 1) } })}
              />
              <span>times</span>
            </div>
            <div className="inline-fields">
              <input
                type="radio"
                id={`${id}-until`}
                name={`${id}-end`}
                checked={model.end.kind === 'until'}
                onChange={() => update({ end: { kind: 'until', date: model.end.kind === 'until' ? model.end.date : start } })}
              />
              <label htmlFor={`${id}-until`}>On</label>
              <input
                aria-label="End date"
                className="input small"
                type="date"
                value={model.end.kind === 'until' ? model.end.date : ''}
                onChange={(e) => e.target.value && update({ end: { kind: 'until', date: e.target.value } })}
              />
            </div>
          </div>
        </div>
      )}

      {preset === 'custom' && !model && (
        <div className="raw-rule">
          <label className="field-label" htmlFor={`${id}-raw`}>
            Rule (RFC 5545 RRULE)
          </label>
          <input
            id={`${id}-raw`}
            className="input mono"
            value={customText}
            onChange={(e) => setCustomText(e.target.value)}
            onBlur={() => onChange(customText.trim() || null, draft.anchor)}
          />
        </div>
      )}

      {rule && (
        <div className="anchor" role="radiogroup" aria-label="Repeat from">
          <span className="field-label">Next one counts from</span>
          <div className="segmented small">
            {(['due', 'completion'] as const).map((a) => (
              <button key={a} type="button" role="radio" aria-checked={draft.anchor === a} className={draft.anchor === a ? 'active' : ''} onClick={() => onChange(rule, a)}>
                {a === 'due' ? 'The due date' : 'Completion'}
              </button>
            ))}
          </div>
        </div>
      )}

      {rule && (
        <div className="recurrence-preview" aria-live="polite" data-testid="recurrence-preview">
          {preview && (
            <>
              <div className="recurrence-text">{preview.recurrence_text}</div>
              <div className="next-dates">
                Next: {preview.next.length ? preview.next.map((d) => (d.length === 10 ? `${weekdayName(d, true)} ${shortDate(d, 0)}` : fullDateTime(d, draft.timeZone))).join(' · ') : 'no more occurrences'}
              </div>
            </>
          )}
          {(previewError || error) && (
            <div className="field-error" role="alert">
              {error ?? previewError}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
