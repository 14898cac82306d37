-- Search (ILIKE '%term%') has two plans: walk the sort index and keep the matches (cost grows with
-- 1 / share of matching rows, not with the table), or collect every match through the trigram
-- index and sort them (cost grows with the number of matches). The planner picks one from its
-- estimate of the share, which it takes from the fraction of the column's histogram that matches
-- the pattern. With the default 100 entries a word in 1 % of titles is found in 0, 1 or 2 of them,
-- so the estimate (and with it the plan) flipped between ANALYZE runs: 0 hits made a common word
-- look rare and cost 5x more at 1M tasks. 1,000 entries resolve shares down to 0.1 %; the price is
-- about 1 ms more planning for a search. The ANALYZE below takes seconds for a million tasks.
ALTER TABLE tasks
    ALTER COLUMN title SET STATISTICS 1000,
    ALTER COLUMN description SET STATISTICS 1000;
ANALYZE tasks;
