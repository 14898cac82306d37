// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffMs, connectLive, liveStore } from './live';

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readonly url: string;
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, ((event: MessageEvent) => void)[]>();

  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }
  addEventListener(name: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  // test helpers
  opened() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  /** A dropped connection: EventSource would now retry by itself with the same URL. */
  dropped() {
    this.readyState = FakeEventSource.CONNECTING;
    this.onerror?.();
  }
  emit(name: string, data: unknown, id = '') {
    const event = new MessageEvent(name, { data: JSON.stringify(data), lastEventId: id });
    for (const listener of this.listeners.get(name) ?? []) listener(event);
  }
}

const handlers = () => ({ onTaskUpdate: vi.fn(), onNotification: vi.fn(), onResync: vi.fn() });
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('the live stream', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('opens every connection with a fresh ticket and resumes after the last event seen', async () => {
    let n = 0;
    const urls: (string | null)[] = [];
    const streamUrl = vi.fn(async (last: string | null) => {
      urls.push(last);
      return `/api/u/stream?ticket=st_${++n}${last ? `&last_event_id=${last}` : ''}`;
    });
    const h = handlers();
    const live = connectLive(streamUrl, h);
    await settle();
    expect(FakeEventSource.instances.map((s) => s.url)).toEqual(['/api/u/stream?ticket=st_1']);
    const first = FakeEventSource.instances[0];
    first.opened();
    expect(liveStore.get().connected).toBe(true);
    first.emit('task-update', { event_type: 'updated', task_id: 7 }, 'e-41');
    expect(h.onTaskUpdate).toHaveBeenCalledWith({ event_type: 'updated', task_id: 7 });
    expect(live.lastEventId()).toBe('e-41');

    first.dropped();
    // the spent ticket is never retried: the source is closed at once
    expect(first.readyState).toBe(FakeEventSource.CLOSED);
    expect(liveStore.get().connected).toBe(false);
    await vi.advanceTimersByTimeAsync(backoffMs(1, () => 1) + 1);
    expect(FakeEventSource.instances.map((s) => s.url)).toEqual(['/api/u/stream?ticket=st_1', '/api/u/stream?ticket=st_2&last_event_id=e-41']);
    expect(urls).toEqual([null, 'e-41']);
    live.close();
  });

  it('backs off while no ticket can be had, and stops for good on close', async () => {
    let fail = true;
    const streamUrl = vi.fn(async () => {
      if (fail) throw new Error('offline');
      return '/api/u/stream?ticket=st_ok';
    });
    const live = connectLive(streamUrl, handlers());
    await settle();
    expect(streamUrl).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(backoffMs(1, () => 1) + 1); // 2nd try
    await vi.advanceTimersByTimeAsync(backoffMs(2, () => 1) + 1); // 3rd try
    expect(streamUrl).toHaveBeenCalledTimes(3);
    expect(FakeEventSource.instances).toHaveLength(0);
    fail = false;
    await vi.advanceTimersByTimeAsync(backoffMs(3, () => 1) + 1);
    expect(FakeEventSource.instances).toHaveLength(1);
    live.close();
    expect(FakeEventSource.instances[0].readyState).toBe(FakeEventSource.CLOSED);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(streamUrl).toHaveBeenCalledTimes(4);
  });

  it('a manual reconnect drops a ticket still on its way, so only one stream is ever open', async () => {
    const pending: ((url: string) => void)[] = [];
    const streamUrl = vi.fn(() => new Promise<string>((resolve) => pending.push(resolve)));
    const live = connectLive(streamUrl, handlers());
    live.reconnect();
    pending[0]('/api/u/stream?ticket=old');
    pending[1]('/api/u/stream?ticket=new');
    await settle();
    expect(FakeEventSource.instances.map((s) => s.url)).toEqual(['/api/u/stream?ticket=new']);
    live.close();
  });

  it('a resync re-reads everything and resumes from its id', async () => {
    const streamUrl = vi.fn(async (last: string | null) => `/s?ticket=t${last ? `&last_event_id=${last}` : ''}`);
    const h = handlers();
    const live = connectLive(streamUrl, h);
    await settle();
    FakeEventSource.instances[0].emit('task-update', { event_type: 'created', task_id: 1 }, 'old');
    FakeEventSource.instances[0].emit('resync', { reason: 'history-expired' }, 'newest');
    expect(h.onResync).toHaveBeenCalledTimes(1);
    expect(live.lastEventId()).toBe('newest');
    live.close();
  });

  it('backoff grows from about 1 s to at most 15 s', () => {
    expect(backoffMs(1, () => 0.5)).toBe(1000);
    expect(backoffMs(2, () => 0.5)).toBe(2000);
    expect(backoffMs(10, () => 0.5)).toBe(15000);
    expect(backoffMs(10, () => 1)).toBeLessThanOrEqual(18000);
    expect(backoffMs(1, () => 0)).toBe(800);
  });
});
