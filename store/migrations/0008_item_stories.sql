-- 0008_item_stories: the story each item reports (see aggregator/story): the
-- id of the story's first report. Items without a row are not grouped yet.

CREATE TABLE item_stories (
	item_id  INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
	story_id INTEGER NOT NULL
);

CREATE INDEX item_stories_story ON item_stories (story_id);
