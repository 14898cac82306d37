-- Single-use tickets that open a live-update stream (GET /api/{user_id}/stream?ticket=...):
-- only the SHA-256 of each ticket is kept, for at most a minute.
CREATE TABLE stream_tickets (
    ticket_hash text        PRIMARY KEY,
    user_id     text        NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE INDEX stream_tickets_expires_at_idx ON stream_tickets (expires_at);
