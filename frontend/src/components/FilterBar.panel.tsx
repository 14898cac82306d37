import { useId, useState } from 'react';
import type { Priority, StatusFilter } from '../api/types';
import { PRIORITIES } from '../api/types';
import { EMPTY_FILTERS, type Filters } from '../lib/filters';
import { CloseIcon } from './Icons';
import { PRIORITY_LABEL } from './TaskRow';

export interface FilterBarProps {
  filters: Filters;
  knownTags: string[];
  onChange(next: Filters): void;
  onClose(): void;
}

export function FilterBar({ filters, knownTags, onChange, onClose }: FilterBarProps) {
  const id = useId();
  const [tagText, setTagText] = useState('');
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const addTag = (raw: string) => {
    const tag = raw.trim().replace(/^#/, '');
    if (!tag || filters.tags.includes(tag)) return;
    set({ tags: [...filters.tags, tag] });
    setTagText('');
  };
  const suggestions = knownTags.filter((t) => !filters.tags.includes(t));

  return (
    <section className="filter-bar" aria-label="Filters">
      <div className="filter-group">
        <span className="filter-label" id={`${id}-status`}>
          Status
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby={`${id}-status`}>
          {(['view', 'pending', 'completed', 'all'] as const).map((value) => {
            const checked = value === 'view' ? !filters.status : filters.status === value;
            return (
              <button
                key={value}
                type="button"
                role="radio"
                aria-checked={checked}
                className={checked ? 'active' : ''}
                onClick={() => set({ status: value === 'view' ? undefined : (value as StatusFilter) })}
              >
                {value === 'view' ? 'View default' : value[0].toUpperCase() + value.slice(1)}
              </button>
            );
          })}
        </div>
      </div>

      <div className="filter-group">
        <span className="filter-label" id={`${id}-priority`}>
          Priority
        </span>
        <div className="toggle-row" role="group" aria-labelledby={`${id}-priority`}>
          {PRIORITIES.map((p: Priority) => {
            const on = filters.priority.includes(p);
            return (
              <button
                key={p}
                type="button"
                aria-pressed={on}
                className={`toggle priority-toggle priority-${p}${on ? ' active' : ''}`}
                onClick={() => set({ priority: on ? filters.priority.filter((x) => x !== p) : [...filters.priority, p] })}
              >
                {PRIORITY_LABEL[p]}
              </button>
            );
          })}
        </div>
      </div>

      <div className="filter-group">
        <label className="filter-label" htmlFor={`${id}-tag`}>
          Tags
        </label>
        <div className="tag-filter">
          {filters.tags.map((tag) => (
            <span key={tag} className="chip removable">
              #{tag}
              <button type="button" aria-label={`Remove tag filter ${tag}`} onClick={() => set({ tags: filters.tags.filter((t) => t !== tag) })}>
                <CloseIcon size={12} />
              </button>
            </span>
          ))}
          <input
            id={`${id}-tag`}
            className="input small"
            list={`${id}-tags`}
            value={tagText}
            placeholder="Add a tag…"
            onChange={(e) => {
              const value = e.target.value;
              if (suggestions.includes(value)) addTag(value);
              else setTagText(value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ',') {
                e.preventDefault();
                addTag(tagText);
              }
            }}
          />
          <datalist id={`${id}-tags`}>
            {suggestions.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          {filters.tags.length > 1 && (
            <div className="segmented small" role="radiogroup" aria-label="Tag match">
              {(['all', 'any'] as const).map((mode) => (
                <button key={mode} type="button" role="radio" aria-checked={filters.tagMode === mode} className={filters.tagMode === mode ? 'active' : ''} onClick={() => set({ tagMode: mode })}>
                  {mode === 'all' ? 'All of them' : 'Any of them'}
                </button>
              ))}
            </div>
          )}
        </div>
      </div>

      <div className="filter-group">
        <span className="filter-label">Due</span>
        <div className="due-range">
          <label>
            <span className="sr-only">Due from</span>
            <input type="date" className="input small" aria-label="Due from" value={filters.dueAfter?.slice(0, 10) ?? ''} onChange={(e) => set({ dueAfter: e.target.value || undefined })} />
          </label>
          <span aria-hidden="true">–</span>
          <label>
            <span className="sr-only">Due until</span>
            <input type="date" className="input small" aria-label="Due until" value={filters.dueBefore?.slice(0, 10) ?? ''} onChange={(e) => set({ dueBefore: e.target.value || undefined })} />
          </label>
          <label className="select-label">
            <span>Overdue</span>
            <select className="input small" value={filters.overdue === undefined ? '' : String(filters.overdue)} onChange={(e) => set({ overdue: e.target.value === '' ? undefined : e.target.value === 'true' })}>
              <option value="">Any</option>
              <option value="true">Only overdue</option>
              <option value="false">Not overdue</option>
            </select>
          </label>
          <label className="select-label">
            <span>Has due</span>
            <select className="input small" value={filters.hasDue === undefined ? '' : String(filters.hasDue)} onChange={(e) => set({ hasDue: e.target.value === '' ? undefined : e.target.value === 'true' })}>
              <option value="">Any</option>
              <option value="true">With a due</option>
              <option value="false">Without a due</option>
            </select>
          </label>
        </div>
      </div>

      <div className="filter-actions">
        <button type="button" className="button ghost small" onClick={() => onChange({ ...EMPTY_FILTERS, search: filters.search, sortBy: filters.sortBy, sortOrder: filters.sortOrder })}>
          Clear filters
        </button>
        <button type="button" className="button ghost small" onClick={onClose}>
          Done
        </button>
      </div>
    </section>
  );
}

