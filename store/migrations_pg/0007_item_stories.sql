-- 0007_item_stories (PostgreSQL): the story each item reports (see
-- aggregator/story): the id of the story's first report; SQLite's 0008.

CREATE TABLE item_stories (
	item_id  BIGINT PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
	story_id BIGINT NOT NULL
);

CREATE INDEX item_stories_story ON item_stories (story_id);
