-- settings keeps small facts about the database's own past, such as the
-- fingerprint of the routing rules its items were last routed with.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
