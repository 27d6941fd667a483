-- The release each check used (talap release): the id of the approved release served, or preview-<hash> when the
-- working copy was served as a preview (talap serve --preview). Checks recorded before this migration have no
-- release id (NULL) and preview 0: they were made on the working copy before releases existed.

ALTER TABLE checks ADD COLUMN release_id TEXT;
ALTER TABLE checks ADD COLUMN preview INTEGER NOT NULL DEFAULT 0;  -- 1 when the working copy was served as a preview
