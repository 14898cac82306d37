// Every type of the wire format the app uses, in one place (snake_case as the API sends it).
// Field names and endpoints follow README.md's API section and the REST adapter.

import type { components } from './generated/openapi';

// Every request and response body comes from the OpenAPI document the REST adapter generates at
// build time (openapi-typescript, scripts/api-types.mjs). The document marks some
// always-present fields optional and spells nullable fields loosely; Wire<> reads them as the API
// sends them: every field present, nullable ones as `T | null`.
type Schemas = components['schemas'];
type Loose<T> = Exclude<T, Record<string, never>>;
type Field<T> = null extends T ? Loose<NonNullable<T>> | null : Loose<NonNullable<T>>;
/** A response body: every field present. */
type Wire<T> = { [K in keyof T]-?: Field<T[K]> };
/** A request body: fields optional, nullable ones may be null. */
type WireInput<T> = { [K in keyof T]?: Field<T[K]> };

export type Task = Wire<Schemas['Task']>;
export type Priority = Task['priority'];
export const PRIORITIES: Priority[] = ['urgent', 'high', 'medium', 'low', 'none'];
export type RecurrenceAnchor = Task['recurrence_anchor'];
export type SortKey = 'created_at' | 'updated_at' | 'due' | 'priority' | 'title';
export const SORT_KEYS: SortKey[] = ['created_at', 'updated_at', 'due', 'priority', 'title'];
export type SortOrder = 'asc' | 'desc';
export type StatusFilter = 'pending' | 'completed' | 'all';
export type TagMode = 'all' | 'any';

/** A reminder as the task body's `reminders` member or POST .../reminders takes it. */
export type ReminderInput = WireInput<Schemas['ReminderInput']>;

/** The editable fields of a task (POST body; PATCH takes any subset as a merge patch). */
export type TaskInput = WireInput<Schemas['TaskInput']> & { title: string };

export type TaskPatch = WireInput<Schemas['TaskInput']>;

/** PATCH /tasks/{id}/complete's body. */
export type CompletionInput = Wire<Schemas['CompletionInput']>;

export type Reminder = Wire<Schemas['Reminder']>;

/** POST /recurrence/preview: a rule from a due, as the server expands it. */
export type RecurrencePreviewRequest = WireInput<Schemas['RecurrencePreviewInput']> & { recurrence_rule: string };
export type RecurrencePreview = Wire<Schemas['RecurrencePreview']>;

/** POST /auth/register and /auth/login: the body, and the bearer token and whose it is. */
export type Credentials = Wire<Schemas['Credentials']>;
export type AuthResponse = Wire<Schemas['AccessToken']>;

/** POST /stream/tickets: open `stream_url` (the stream with ?ticket=) once, within a minute. */
export type StreamTicket = Wire<Schemas['StreamTicket']>;

export type Notification = Wire<Schemas['Notification']>;

/** POST /notifications/read-all. */
export type MarkedRead = Wire<Schemas['MarkedRead']>;

/**
 * One recorded change of a task. The document declares `task` as a free-form object ("the fields
 * of a Task at that time"); the app reads it as such a partial task.
 */
export type AuditEntry = Omit<Wire<Schemas['AuditEntry']>, 'task'> & { task: Partial<Task> | null };

export type ToolResult = Wire<Schemas['ToolResult']>;
export type ToolCall = Omit<Wire<Schemas['ToolCall']>, 'result'> & { result: ToolResult };
export type ChatReply = Omit<Wire<Schemas['ChatReply']>, 'tool_calls'> & { tool_calls: ToolCall[] };
export type ConversationSummary = Wire<Schemas['ConversationSummary']>;
export type ChatMessage = Omit<Wire<Schemas['ChatMessage']>, 'tool_calls'> & { tool_calls: ToolCall[] };
export type Conversation = Omit<Wire<Schemas['Conversation']>, 'messages'> & { messages: ChatMessage[] };

/** POST /chat's body. */
export type ChatInput = WireInput<Schemas['ChatInput']> & { message: string };

/** POST /quick-add/parse's body. */
export type QuickAddInput = WireInput<Schemas['QuickAddInput']> & { text: string };

/** What POST /quick-add/parse understood: the add_task arguments for the text (a TaskInput). */
export type QuickAddParse = WireInput<Schemas['TaskInput']>;

// The stream's event bodies have no schema in the OpenAPI document (the stream is one
// text/event-stream string); this one follows the stream operation's description.

/** A live change notice (SSE event `task-update`). */
export interface TaskUpdateEvent {
  schema_version: string;
  event_id: string;
  event_type: 'created' | 'updated' | 'completed' | 'uncompleted' | 'deleted';
  user_id: string;
  task_id: number;
  occurred_at: string;
}

export type FieldError = Wire<Schemas['FieldError']>;

/**
 * RFC 9457 problem document. The client reads any error body that carries a status, so only the
 * members every problem has are relied on.
 */
export type Problem = Pick<Wire<Schemas['Problem']>, 'type' | 'title' | 'status'> &
  Partial<Omit<Wire<Schemas['Problem']>, 'errors'>> & { errors?: FieldError[] };
