-- 0002_leases (PostgreSQL): work sharing between crawler processes.
--
-- source_leases is the crawl schedule shared by every crawler: a source is
-- due at due_at (the crawlers' clock) and is held by owner until expires_at
-- (the database's clock, so that machines with skewed clocks agree); an
-- owner of '' holds nothing. A crawler claims due, unheld rows with
-- SELECT ... FOR UPDATE SKIP LOCKED, renews its leases while it crawls and
-- gives each back with its next due time. A killed crawler's leases expire.
CREATE TABLE source_leases (
	source_id  TEXT   COLLATE "C" PRIMARY KEY,
	due_at     BIGINT NOT NULL DEFAULT 0,
	owner      TEXT   NOT NULL DEFAULT '',
	expires_at BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX source_leases_due ON source_leases (due_at, source_id);
CREATE INDEX source_leases_held ON source_leases (expires_at) WHERE owner <> '';

-- source_sets lists the sources of each crawler configuration, named by a
-- digest of their IDs (set_id), so that a crawler claims only the sources
-- it knows without sending their list with every claim.
CREATE TABLE source_sets (
	set_id    TEXT COLLATE "C",
	source_id TEXT COLLATE "C",
	PRIMARY KEY (set_id, source_id)
);

-- host_turns records when the last request to a host (host:port) ended, on
-- the database's clock; a crawler holds an advisory lock on the host for
-- the whole of its request, so one request per host is in flight across
-- all processes, and waits for the spacing from last_end before sending.
CREATE TABLE host_turns (
	host     TEXT   COLLATE "C" PRIMARY KEY,
	last_end BIGINT NOT NULL
);
