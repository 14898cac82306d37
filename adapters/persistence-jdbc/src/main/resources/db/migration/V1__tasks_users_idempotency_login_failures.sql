-- Trigram search and multi-column GIN indexes that lead with user_id.
-- Both extensions are "trusted" since PostgreSQL 13: a database owner may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE SEQUENCE task_id_seq AS bigint;

CREATE TABLE tasks (
    id                bigint      PRIMARY KEY DEFAULT nextval('task_id_seq'),
    user_id           text        NOT NULL,
    title             text        NOT NULL,
    description       text        NOT NULL DEFAULT '',
    completed         boolean     NOT NULL DEFAULT false,
    completed_at      timestamptz,
    priority          smallint    NOT NULL DEFAULT 0,          -- Priority.rank(): 0 none .. 4 urgent
    tags              text[]      NOT NULL DEFAULT '{}',       -- lower-case, sorted
    due_at            timestamptz,
    due_date          date,
    time_zone         text        NOT NULL DEFAULT 'UTC',
    recurrence_rule   text,
    recurrence_anchor text        NOT NULL DEFAULT 'due',
    series_id         uuid,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           bigint      NOT NULL,
    -- Derived from the due and the time zone by the adapter on every write (Due.sortInstant,
    -- Due.overdueFrom, Due.localDate): they make due filters, sorting and paging plain SQL.
    due_sort          timestamptz,
    overdue_from      timestamptz,
    due_local_date    date,
    CONSTRAINT tasks_due_at_or_due_date CHECK (due_at IS NULL OR due_date IS NULL),
    CONSTRAINT tasks_completed_at_iff_completed CHECK (completed = (completed_at IS NOT NULL)),
    CONSTRAINT tasks_priority_rank CHECK (priority BETWEEN 0 AND 4),
    CONSTRAINT tasks_recurrence_anchor CHECK (recurrence_anchor IN ('due', 'completion')),
    CONSTRAINT tasks_version_positive CHECK (version >= 1),
    CONSTRAINT tasks_derived_due CHECK (
        ((due_at IS NULL AND due_date IS NULL)
            = (due_sort IS NULL AND overdue_from IS NULL AND due_local_date IS NULL)))
);

ALTER SEQUENCE task_id_seq OWNED BY tasks.id;

-- One btree per sort field: ORDER BY <key>, id matches the index, so a page is an index range.
CREATE INDEX tasks_user_created_idx  ON tasks (user_id, created_at DESC, id DESC);
CREATE INDEX tasks_user_updated_idx  ON tasks (user_id, updated_at DESC, id DESC);
CREATE INDEX tasks_user_due_idx      ON tasks (user_id, due_sort, id);
CREATE INDEX tasks_user_priority_idx ON tasks (user_id, priority DESC, id DESC);
CREATE INDEX tasks_user_title_idx    ON tasks (user_id, lower(title), id);
-- "Overdue" views: open tasks of a user by the instant they become overdue.
CREATE INDEX tasks_user_overdue_idx  ON tasks (user_id, overdue_from) WHERE NOT completed;
-- Tag filters (@> / &&) and substring search (ILIKE), both per user thanks to btree_gin.
CREATE INDEX tasks_user_tags_idx     ON tasks USING gin (user_id, tags);
CREATE INDEX tasks_user_search_idx   ON tasks USING gin (user_id, title gin_trgm_ops, description gin_trgm_ops);

CREATE TABLE users (
    id            text        PRIMARY KEY,
    email         text        NOT NULL,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL,
    CONSTRAINT users_email_key UNIQUE (email)
);

-- No foreign key to tasks: a replay of a key whose task was deleted must still find the record.
CREATE TABLE idempotency_keys (
    user_id      text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    task_id      bigint      NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (user_id, key)
);

CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

CREATE TABLE login_failures (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email     text        NOT NULL,
    failed_at timestamptz NOT NULL
);

CREATE INDEX login_failures_email_idx ON login_failures (email, failed_at);
