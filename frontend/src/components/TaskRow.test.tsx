// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Task } from '../api/types';
import { TaskRow } from './TaskRow';

const task: Task = {
  id: 7,
  user_id: 'u',
  title: 'Pay rent',
  description: 'to the landlord',
  completed: false,
  completed_at: null,
  priority: 'urgent',
  tags: ['home', 'money'],
  due_at: null,
  due_date: '2026-11-29',
  time_zone: 'Europe/Berlin',
  recurrence_rule: 'FREQ=MONTHLY;BYMONTHDAY=1',
  recurrence_anchor: 'due',
  is_recurring: true,
  series_id: 's',
  created_at: '2026-11-01T08:00:00Z',
  updated_at: '2026-11-01T08:00:00Z',
  version: 3,
  recurrence_text: 'Every month on the 1st',
};

describe('TaskRow', () => {
  const now = Date.parse('2026-12-01T09:00:00Z');

  it('shows priority as colour and label, tags as chips, the due relatively and the repeat and reminder badges', () => {
    const { container } = render(
      <TaskRow task={task} now={now} zone="Europe/Berlin" selected={false} reminders={2} onToggle={() => {}} onOpen={() => {}} onDelete={() => {}} onSelect={() => {}} />,
    );
    expect(screen.getByText('P1 Urgent')).toBeTruthy();
    expect(container.querySelector('.check.priority-urgent')).not.toBeNull();
    expect(screen.getByText('#home')).toBeTruthy();
    expect(screen.getByText('#money')).toBeTruthy();
    const due = screen.getByText('overdue 2 days');
    expect(due.className).toContain('overdue');
    expect(screen.getByRole('img', { name: /Repeats/ }).getAttribute('title')).toBe('Every month on the 1st');
    expect(screen.getByRole('img', { name: '2 reminders' })).toBeTruthy();
  });

  it('completes with one click on a labelled checkbox, and opens the editor from the row', () => {
    const onToggle = vi.fn();
    const onOpen = vi.fn();
    render(<TaskRow task={task} now={now} zone="Europe/Berlin" selected reminders={0} onToggle={onToggle} onOpen={onOpen} onDelete={() => {}} onSelect={() => {}} />);
    const checkbox = screen.getByRole('checkbox', { name: 'Complete “Pay rent”' });
    expect(checkbox.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(checkbox);
    expect(onToggle).toHaveBeenCalledWith(task);
    expect(onOpen).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('Pay rent'));
    expect(onOpen).toHaveBeenCalledWith(task);
  });
});
