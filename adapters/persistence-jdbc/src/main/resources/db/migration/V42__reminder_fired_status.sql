-- A reminder that went off is 'fired' until its notification exists, then 'sent' (the API no
-- longer says 'sent' for a notification still on its way, e.g. during a broker outage).
ALTER TABLE reminders DROP CONSTRAINT reminders_status;
ALTER TABLE reminders ADD CONSTRAINT reminders_status
    CHECK (status IN ('scheduled', 'fired', 'sent', 'cancelled', 'missed'));
ALTER TABLE reminders DROP CONSTRAINT reminders_sent_at_iff_sent_or_missed;
ALTER TABLE reminders ADD CONSTRAINT reminders_sent_at_iff_fired_sent_or_missed
    CHECK ((status IN ('fired', 'sent', 'missed')) = (sent_at IS NOT NULL));
