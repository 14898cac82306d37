-- The transactional outbox. A task change appends its events in its own transaction; the relay
-- publishes them later, at least once and in id order per partition key (the user id).
CREATE TABLE outbox (
    id            bigserial   PRIMARY KEY,
    event_id      uuid        NOT NULL,
    topic         text        NOT NULL,
    event_type    text        NOT NULL,
    partition_key text        NOT NULL,
    -- OutboxLanes.of(partition_key), computed in Java: a stable hash modulo the lane count. A relay
    -- owns a whole lane while it publishes, so one key's events never race each other.
    lane          smallint    NOT NULL,
    -- The JSON document as text: consumers get it byte for byte (jsonb would reorder keys).
    payload       text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz,
    -- How many relay passes started at this row: a row that keeps failing shows a growing count.
    attempts      integer     NOT NULL DEFAULT 0,
    -- One domain event becomes one message per topic (a TaskEvent and its TaskUpdateEvent share
    -- the event id), so an id is unique per topic.
    CONSTRAINT outbox_topic_event_id_key UNIQUE (topic, event_id),
    CONSTRAINT outbox_lane_range CHECK (lane >= 0)
)
-- A queue: every row is updated once and deleted later. Vacuum it early so that the relay's index
-- scans do not wade through dead entries.
WITH (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 1000);

-- What the relay reads: the pending rows of one lane in id order.
CREATE INDEX outbox_pending_idx ON outbox (lane, id) WHERE published_at IS NULL;
-- What pruning reads: published rows by age.
CREATE INDEX outbox_published_idx ON outbox (published_at);

-- Which events each consumer has handled, written in the transaction of the consumer's effect.
CREATE TABLE processed_events (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

-- The audit trail: one row per task event. No foreign key to tasks: the trail outlives the task.
CREATE TABLE audit_entries (
    id             bigserial   PRIMARY KEY,
    event_id       uuid        NOT NULL,
    user_id        text        NOT NULL,
    task_id        bigint      NOT NULL,
    event_type     text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    -- The task document exactly as the event carried it.
    snapshot       text        NOT NULL,
    changed_fields text[]      NOT NULL DEFAULT '{}',
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT audit_entries_event_id_key UNIQUE (event_id)
);

-- Newest first per user, and per user and task: a page is an index range.
CREATE INDEX audit_entries_user_idx      ON audit_entries (user_id, id DESC);
CREATE INDEX audit_entries_user_task_idx ON audit_entries (user_id, task_id, id DESC);
