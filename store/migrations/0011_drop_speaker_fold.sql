-- 0011_drop_speaker_fold: quotes are found by speaker through the speaker
-- registry (0009_speakers), which knows every form of a name; the folded
-- copy of each quote's speaker and its index were no longer read, only
-- written with every quote.
DROP INDEX quotes_speaker_fold;
ALTER TABLE quotes DROP COLUMN speaker_fold;
