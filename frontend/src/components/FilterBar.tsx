import type { SortKey } from '../api/types';
import { SORT_KEYS } from '../api/types';
import { naturalOrder } from '../lib/filters';

export const SORT_LABEL: Record<SortKey, string> = {
  created_at: 'Date added',
  updated_at: 'Last changed',
  due: 'Due date',
  priority: 'Priority',
  title: 'Title',
};

export interface SortControlProps {
  sortBy: SortKey;
  sortOrder: 'asc' | 'desc';
  onChange(sortBy: SortKey, sortOrder: 'asc' | 'desc'): void;
}

export function SortControl({ sortBy, sortOrder, onChange }: SortControlProps) {
  return (
    <div className="sort-control">
      <label className="sr-only" htmlFor="sort-by">
        Sort by
      </label>
      <select id="sort-by" className="input small" value={sortBy} onChange={(e) => onChange(e.target.value as SortKey, naturalOrder(e.target.value as SortKey))}>
        {SORT_KEYS.map((k) => (
          <option key={k} value={k}>
            {SORT_LABEL[k]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="icon-button"
        aria-label={`Sort direction: ${sortOrder === 'asc' ? 'ascending' : 'descending'} (click to flip)`}
        title={sortOrder === 'asc' ? 'Ascending' : 'Descending'}
        onClick={() => onChange(sortBy, sortOrder === 'asc' ? 'desc' : 'asc')}
      >
        <span aria-hidden="true" className="sort-arrow">
          {sortOrder === 'asc' ? '↑' : '↓'}
        </span>
      </button>
    </div>
  );
}
