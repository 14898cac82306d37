import { useEffect, useId, useRef, useState } from 'react';
import { describeError } from '../api/client';
import type { ChatMessage, ConversationSummary, ToolCall } from '../api/types';
import { ago } from '../lib/dates';
import { useNow, useWorkspace } from './context';
import { CloseIcon, SendIcon, SparkIcon } from './Icons';

interface Turn extends ChatMessage {
  pending?: boolean;
  failed?: boolean;
}

const SUGGESTIONS = ['add buy milk tomorrow at 9am #errands', 'what is due today?', 'remind me to call Sam on friday at 5pm'];

export function AssistantPanel({ onClose }: { onClose(): void }) {
  const { api, zone, tasks } = useWorkspace();
  const [conversations, setConversations] = useState<ConversationSummary[]>([]);
  const [conversationId, setConversationId] = useState<number | null>(null);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const now = useNow(60_000);
  const id = useId();

  useEffect(() => {
    api
      .conversations()
      .then(setConversations)
      .catch(() => {});
    input.current?.focus();
  }, [api]);

  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [turns]);

  const open = async (cid: number | null) => {
    setError(null);
    setConversationId(cid);
    if (cid === null) {
      setTurns([]);
      return;
    }
    try {
      const conversation = await api.conversation(cid);
      setTurns(conversation.messages);
    } catch (e) {
      setError(describeError(e));
    }
  };

  const send = async (message: string) => {
    const value = message.trim();
    if (!value || busy) return;
    setBusy(true);
    setError(null);
    const stamp = new Date().toISOString();
    setTurns((t) => [...t, { role: 'user', content: value, tool_calls: [], created_at: stamp }, { role: 'assistant', content: '', tool_calls: [], created_at: stamp, pending: true }]);
    try {
      const reply = await api.chat(value, conversationId, zone);
      setText('');
      setConversationId(reply.conversation_id);
      setTurns((t) => [...t.filter((x) => !x.pending), { role: 'assistant', content: reply.response, tool_calls: reply.tool_calls, created_at: new Date().toISOString() }]);
      applyToolCalls(reply.tool_calls);
      api
        .conversations()
        .then(setConversations)
        .catch(() => {});
    } catch (e) {
      // keep what was typed; show why
      setTurns((t) => t.filter((x) => !x.pending).slice(0, -1));
      setError(describeError(e));
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  function applyToolCalls(calls: ToolCall[]) {
    const ids = new Set<number>();
    for (const call of calls) {
      if (call.result.is_error) continue;
      collectTaskIds(call.result.content, ids);
      const argId = (call.arguments as { task_id?: unknown; id?: unknown }).task_id ?? (call.arguments as { id?: unknown }).id;
      if (typeof argId === 'number') ids.add(argId);
    }
    ids.forEach((taskId) => void tasks.changed(taskId));
  }

  return (
    <aside className="assistant" aria-label="Assistant" data-testid="assistant-panel">
      <header className="panel-header">
        <h2>
          <SparkIcon size={18} /> Assistant
        </h2>
        <button type="button" className="icon-button" aria-label="Close the assistant" onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      <div className="assistant-toolbar">
        <label className="sr-only" htmlFor={`${id}-conversation`}>
          Conversation
        </label>
        <select id={`${id}-conversation`} className="input small" value={conversationId ?? ''} onChange={(e) => void open(e.target.value ? Number(e.target.value) : null)}>
          <option value="">New conversation</option>
          {conversations.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title || `Conversation ${c.id}`} · {ago(c.updated_at, now, zone)}
            </option>
          ))}
        </select>
        <button type="button" className="button small" onClick={() => void open(null)}>
          New
        </button>
      </div>
      <div className="chat-log" ref={log} aria-live="polite" aria-label="Conversation">
        {turns.length === 0 && (
          <div className="chat-empty">
            <p>Ask in plain words. The assistant works on your tasks through the same tools as MCP clients, and shows each call it makes.</p>
            <ul className="suggestions">
              {SUGGESTIONS.map((s) => (
                <li key={s}>
                  <button type="button" className="suggestion" onClick={() => void send(s)}>
                    {s}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {turns.map((turn, i) => (
          <div key={i} className={`chat-turn ${turn.role}${turn.pending ? ' pending' : ''}`}>
            {turn.pending ? (
              <span className="typing" aria-label="The assistant is answering">
                <span />
                <span />
                <span />
              </span>
            ) : (
              <div className="chat-bubble">{turn.content}</div>
            )}
            {turn.tool_calls.map((call, j) => (
              <details key={j} className={`tool-call${call.result.is_error ? ' error' : ''}`}>
                <summary>
                  <span className="tool-name">{call.tool}</span>
                  <span className="tool-status">{call.result.is_error ? 'failed' : 'done'}</span>
                </summary>
                <div className="tool-detail">
                  <div className="tool-label">Arguments</div>
                  <pre tabIndex={0} aria-label={`Arguments of ${call.tool}`}>{JSON.stringify(call.arguments, null, 2)}</pre>
                  <div className="tool-label">Result</div>
                  <pre tabIndex={0} aria-label={`Result of ${call.tool}`}>{call.result.is_error ? call.result.message : JSON.stringify(call.result.content, null, 2)}</pre>
                </div>
              </details>
            ))}
          </div>
        ))}
      </div>
      {error && (
        <div className="field-error chat-error" role="alert">
          {error}
        </div>
      )}
      <form
        className="chat-input"
        onSubmit={(e) => {
          e.preventDefault();
          void send(text);
        }}
      >
        <label className="sr-only" htmlFor={`${id}-message`}>
          Message the assistant
        </label>
        <textarea
          id={`${id}-message`}
          ref={input}
          className="input"
          rows={2}
          value={text}
          placeholder="e.g. add pay rent every month on the 1st #home"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void send(text);
            }
          }}
        />
        <button type="submit" className="button primary icon-only" aria-label="Send" disabled={busy || !text.trim()}>
          <SendIcon size={18} />
        </button>
      </form>
    </aside>
  );
}

function collectTaskIds(value: unknown, into: Set<number>, depth = 0): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v) => collectTaskIds(v, into, depth + 1));
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'number' && 'title' in record) into.add(record.id);
  if (typeof record.task_id === 'number') into.add(record.task_id);
  Object.values(record).forEach((v) => collectTaskIds(v, into, depth + 1));
}
