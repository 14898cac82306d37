-- Reminders of tasks. A reminder goes with its task; its notification (below) does not.
CREATE SEQUENCE reminder_id_seq AS bigint;

CREATE TABLE reminders (
    id                 bigint      PRIMARY KEY DEFAULT nextval('reminder_id_seq'),
    task_id            bigint      NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    user_id            text        NOT NULL,
    -- Reminder.beforeDue() in whole seconds; null for a reminder at a fixed instant.
    before_due_seconds bigint,
    -- For a relative reminder of an all-day due: the local time the offset counts back from.
    time_of_day        time,
    remind_at          timestamptz NOT NULL,
    status             text        NOT NULL,
    sent_at            timestamptz,
    created_at         timestamptz NOT NULL,
    CONSTRAINT reminders_status CHECK (status IN ('scheduled', 'sent', 'cancelled', 'missed')),
    CONSTRAINT reminders_before_due_range CHECK (before_due_seconds BETWEEN 0 AND 366 * 86400),
    CONSTRAINT reminders_time_of_day_needs_before_due
        CHECK (time_of_day IS NULL OR before_due_seconds IS NOT NULL),
    -- markSent / markMissed record when; every other status has no sent_at.
    CONSTRAINT reminders_sent_at_iff_sent_or_missed
        CHECK ((status IN ('sent', 'missed')) = (sent_at IS NOT NULL))
);

ALTER SEQUENCE reminder_id_seq OWNED BY reminders.id;

-- A task's reminders (and the cascade when the task is deleted).
CREATE INDEX reminders_task_idx           ON reminders (task_id);
-- A user's reminders by status, soonest first.
CREATE INDEX reminders_user_status_idx    ON reminders (user_id, status, remind_at, id);
-- Every scheduled reminder, soonest first: what a scheduler arms at start-up.
CREATE INDEX reminders_scheduled_idx      ON reminders (remind_at, id) WHERE status = 'scheduled';

-- What users are told. At most one per reminder; no foreign keys, so a notification outlives
-- its reminder and its task.
CREATE TABLE notifications (
    id          bigserial   PRIMARY KEY,
    user_id     text        NOT NULL,
    reminder_id bigint      NOT NULL,
    task_id     bigint      NOT NULL,
    kind        text        NOT NULL,
    title       text        NOT NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    read_at     timestamptz,
    CONSTRAINT notifications_reminder_id_key UNIQUE (reminder_id),
    CONSTRAINT notifications_kind CHECK (kind IN ('reminder', 'missed_reminder'))
);

-- Newest first per user, all of them or the unread ones only.
CREATE INDEX notifications_user_idx        ON notifications (user_id, id DESC);
CREATE INDEX notifications_user_unread_idx ON notifications (user_id, id DESC) WHERE read_at IS NULL;
