-- Chat conversations with the assistant and their messages. The server keeps no chat state
-- between requests: every turn loads its conversation from here.
CREATE TABLE conversations (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    text        NOT NULL,
    -- The start of the first user message.
    title      text        NOT NULL,
    -- IANA zone the messages are read in; the last one the user sent.
    time_zone  text        NOT NULL DEFAULT 'UTC',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT conversations_updated_after_created CHECK (updated_at >= created_at)
);

-- A user's conversations, most recently updated first.
CREATE INDEX conversations_user_updated_idx ON conversations (user_id, updated_at DESC, id DESC);

CREATE TABLE chat_messages (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id bigint      NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    role            text        NOT NULL,
    content         text        NOT NULL,
    -- [{tool, arguments, result: {is_error, content, message}}]. json, not jsonb: kept as
    -- written, so arguments keep the order the assistant gave them.
    tool_calls      json        NOT NULL DEFAULT '[]',
    created_at      timestamptz NOT NULL,
    CONSTRAINT chat_messages_role CHECK (role IN ('user', 'assistant'))
);

-- A conversation's messages in order (and the cascade when it is deleted).
CREATE INDEX chat_messages_conversation_idx ON chat_messages (conversation_id, id);
