-- The assistant's memory of a conversation: the tasks "it" and "the first one" refer to, a
-- question awaiting its answer, what "undo" reverts. Written with each turn, read with the next,
-- so a conversation carries on across restarts. Its shape belongs to the assistant; JSON here.
ALTER TABLE conversations ADD COLUMN assistant_state jsonb;
