-- What pruning reads (ExpiredRowsCleaner): processed events and read notifications by age, so that
-- each chunk is an index range instead of a scan of the whole table.
CREATE INDEX processed_events_processed_at_idx ON processed_events (processed_at);
CREATE INDEX notifications_read_at_idx ON notifications (read_at) WHERE read_at IS NOT NULL;
