// The API's endpoints as typed functions. Paths per README.md's API section.
import { nextCursor, request } from './client';
import type {
  AuditEntry,
  AuthResponse,
  ChatInput,
  ChatReply,
  CompletionInput,
  Conversation,
  ConversationSummary,
  Credentials,
  MarkedRead,
  Notification,
  QuickAddInput,
  QuickAddParse,
  RecurrencePreview,
  RecurrencePreviewRequest,
  Reminder,
  ReminderInput,
  StreamTicket,
  Task,
  TaskInput,
  TaskPatch,
} from './types';

const enc = encodeURIComponent;

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

export const auth = {
  register: (email: string, password: string) =>
    request<AuthResponse>('POST', '/api/auth/register', { body: { email, password } satisfies Credentials, anonymous: true }).then((r) => r.data),
  login: (email: string, password: string) =>
    request<AuthResponse>('POST', '/api/auth/login', { body: { email, password } satisfies Credentials, anonymous: true }).then((r) => r.data),
};

export function tasksApi(userId: string) {
  const base = `/api/${enc(userId)}`;
  const streamTicket = () => request<StreamTicket>('POST', `${base}/stream/tickets`).then((r) => r.data);
  return {
    async list(query: URLSearchParams, cursor: string | null, signal?: AbortSignal): Promise<Page<Task>> {
      const params = new URLSearchParams(query);
      if (cursor) params.set('cursor', cursor);
      const response = await request<Task[]>('GET', `${base}/tasks?${params}`, { signal });
      return { items: response.data, cursor: nextCursor(response.headers) };
    },
    get: (id: number, signal?: AbortSignal) => request<Task>('GET', `${base}/tasks/${id}`, { signal }).then((r) => r.data),
    create: (input: TaskInput, idempotencyKey: string) =>
      request<Task>('POST', `${base}/tasks`, { body: input, headers: { 'Idempotency-Key': idempotencyKey } }).then((r) => r.data),
    patch: (id: number, patch: TaskPatch, ifMatch?: number) =>
      request<Task>('PATCH', `${base}/tasks/${id}`, {
        body: patch,
        ifMatch,
        contentType: 'application/merge-patch+json',
      }).then((r) => r.data),
    complete: (id: number, completed: boolean) =>
      request<Task>('PATCH', `${base}/tasks/${id}/complete`, { body: { completed } satisfies CompletionInput }).then((r) => r.data),
    remove: (id: number, keepalive = false) => request<void>('DELETE', `${base}/tasks/${id}`, { keepalive }).then(() => undefined),
    reminders: (taskId: number) => request<Reminder[]>('GET', `${base}/tasks/${taskId}/reminders`).then((r) => r.data),
    addReminder: (taskId: number, input: ReminderInput) =>
      request<Reminder>('POST', `${base}/tasks/${taskId}/reminders`, { body: input }).then((r) => r.data),
    reminderIndex: () => request<Reminder[]>('GET', `${base}/reminders?status=scheduled&limit=200`).then((r) => r.data),
    deleteReminder: (taskId: number, id: number) =>
      request<void>('DELETE', `${base}/tasks/${taskId}/reminders/${id}`).then(() => undefined),
    async audit(taskId: number, cursor: string | null, limit = 20): Promise<Page<AuditEntry>> {
      const params = new URLSearchParams({ task_id: String(taskId), limit: String(limit) });
      if (cursor) params.set('cursor', cursor);
      const response = await request<AuditEntry[]>('GET', `${base}/audit?${params}`);
      return { items: response.data, cursor: nextCursor(response.headers) };
    },
    notifications: (unreadOnly: boolean, limit = 50) =>
      request<Notification[]>('GET', `${base}/notifications?unread=${unreadOnly}&limit=${limit}`).then((r) => r.data),
    markRead: (id: number) => request<void>('POST', `${base}/notifications/${id}/read`).then(() => undefined),
    markAllRead: () => request<MarkedRead>('POST', `${base}/notifications/read-all`).then((r) => r.data),
    parseQuickAdd: (text: string, timeZone: string, signal?: AbortSignal) => {
      const body: QuickAddInput = { text, time_zone: timeZone };
      return request<QuickAddParse>('POST', `${base}/quick-add/parse`, { body, signal }).then((r) => r.data);
    },
    chat: (message: string, conversationId: number | null, timeZone: string) => {
      const body: ChatInput = { message, conversation_id: conversationId, time_zone: timeZone };
      return request<ChatReply>('POST', `${base}/chat`, { body }).then((r) => r.data);
    },
    conversations: (limit = 30) =>
      request<ConversationSummary[]>('GET', `${base}/conversations?limit=${limit}`).then((r) => r.data),
    conversation: (id: number) => request<Conversation>('GET', `${base}/conversations/${id}`).then((r) => r.data),
    previewRecurrence: (body: RecurrencePreviewRequest, signal?: AbortSignal) =>
      request<RecurrencePreview>('POST', `${base}/recurrence/preview`, { body, signal }).then((r) => r.data),
    streamTicket,
    /** The URL of a new stream connection: a fresh one-time ticket, resuming after `lastEventId`. */
    async streamUrl(lastEventId: string | null): Promise<string> {
      const ticket = await streamTicket();
      const url = new URL(ticket.stream_url, window.location.origin);
      if (lastEventId) url.searchParams.set('last_event_id', lastEventId);
      return url.pathname + url.search;
    },
  };
}

export type TasksApi = ReturnType<typeof tasksApi>;
