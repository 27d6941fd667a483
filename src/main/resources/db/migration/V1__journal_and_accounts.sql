-- The journal of checks and the accounts that make them. Runs unchanged on SQLite and PostgreSQL: times are epoch
-- milliseconds (BIGINT), days and dates ISO text (YYYY-MM-DD, so they sort and compare as text), flags are times
-- (NULL = not disabled or revoked). Never edit a migration once released; add V2__….sql instead.

CREATE TABLE checks (
  id                TEXT    NOT NULL PRIMARY KEY,  -- the check id: a retry with the same id is recorded once
  recorded_at       BIGINT  NOT NULL,              -- epoch milliseconds
  day               TEXT    NOT NULL,              -- the day of recorded_at in Asia/Almaty
  office            TEXT    NOT NULL,
  actor_kind        TEXT    NOT NULL,              -- staff or client
  actor             TEXT    NOT NULL,              -- the account name of the clerk or API client
  catalogue_version TEXT    NOT NULL,
  release_hash      TEXT    NOT NULL,
  service           TEXT    NOT NULL,
  subtype           TEXT,
  verdict           TEXT    NOT NULL,              -- complete or incomplete
  due_date          TEXT,
  submission        TEXT    NOT NULL,              -- the submission JSON as received
  result            TEXT    NOT NULL               -- the talap-check/1 document with this one result
);

CREATE INDEX checks_by_day ON checks (day, recorded_at);
CREATE INDEX checks_by_office ON checks (office, day);
CREATE INDEX checks_by_actor ON checks (actor, day);

CREATE TABLE staff (
  name          TEXT   NOT NULL PRIMARY KEY,
  role          TEXT   NOT NULL,
  office        TEXT   NOT NULL,
  password_hash TEXT   NOT NULL,                   -- Argon2id, PHC string; never the password
  created_at    BIGINT NOT NULL,
  changed_at    BIGINT NOT NULL,
  disabled_at   BIGINT
);

CREATE TABLE api_clients (
  name        TEXT   NOT NULL PRIMARY KEY,
  role        TEXT   NOT NULL,
  office      TEXT   NOT NULL,
  token_hash  TEXT   NOT NULL UNIQUE,               -- SHA-256 of the token, hex; never the token
  created_at  BIGINT NOT NULL,
  revoked_at  BIGINT
);
