-- A recurring task's place in its series: the series start (RFC 5545 DTSTART: an instant or a
-- date), its 1-based position (what COUNT counts) and the occurrence it follows. At most one
-- successor per predecessor: that makes creating the next occurrence idempotent.
ALTER TABLE tasks
    ADD COLUMN series_start_at   timestamptz,
    ADD COLUMN series_start_date date,
    ADD COLUMN occurrence_index  integer,
    ADD COLUMN predecessor_id    bigint,
    ADD CONSTRAINT tasks_predecessor_id_key UNIQUE (predecessor_id),
    ADD CONSTRAINT tasks_series_start_one_kind
        CHECK (series_start_at IS NULL OR series_start_date IS NULL),
    ADD CONSTRAINT tasks_occurrence_index_positive
        CHECK (occurrence_index IS NULL OR occurrence_index >= 1);
