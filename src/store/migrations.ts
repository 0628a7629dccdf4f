/** Schema migrations, applied in order inside one transaction; `user_version` records how far a file has come. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    current_version_id INTEGER REFERENCES document_versions(id)
  );
  CREATE TABLE document_versions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    family TEXT NOT NULL,
    organization TEXT,
    encoding TEXT NOT NULL,
    line_count INTEGER NOT NULL,
    text TEXT NOT NULL,
    warnings_json TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    UNIQUE (document_id, version)
  );
  CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES document_versions(id),
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    organization TEXT,
    department TEXT,
    code TEXT,
    data_json TEXT NOT NULL,
    UNIQUE (version_id, key)
  );
  CREATE INDEX records_key ON records (key);
  CREATE INDEX records_version ON records (version_id);
  `,
  // Lookups that must not parse every record at start-up: people, budget lines by item, teams and year.
  // Existing rows are backfilled from their JSON with SQLite's json_each.
  `
  ALTER TABLE records ADD COLUMN teams TEXT NOT NULL DEFAULT '';
  ALTER TABLE records ADD COLUMN year INTEGER;
  UPDATE records SET
    teams = COALESCE((SELECT group_concat(value, '|') FROM json_each(records.data_json, '$.teams')), ''),
    year = json_extract(data_json, '$.year');
  CREATE TABLE contacts (
    record_id INTEGER NOT NULL REFERENCES records(id),
    name TEXT,
    position TEXT,
    extension TEXT
  );
  CREATE INDEX contacts_name ON contacts (name);
  CREATE INDEX contacts_position ON contacts (position);
  CREATE INDEX contacts_extension ON contacts (extension);
  INSERT INTO contacts (record_id, name, position, extension)
    SELECT r.id, json_extract(c.value, '$.name'), json_extract(c.value, '$.position'), json_extract(c.value, '$.extension')
    FROM records r, json_each(r.data_json, '$.contacts') c;
  CREATE TABLE budget_items (
    record_id INTEGER NOT NULL REFERENCES records(id),
    item TEXT NOT NULL
  );
  CREATE INDEX budget_items_item ON budget_items (item);
  INSERT INTO budget_items (record_id, item)
    SELECT DISTINCT r.id, replace(json_extract(l.value, '$.item'), ' ', '')
    FROM records r, json_each(r.data_json, '$.budget.lines') l
    WHERE json_extract(l.value, '$.item') IS NOT NULL;
  `,
  // "Current version" joins go through documents.current_version_id on every lookup.
  `CREATE INDEX documents_current_version ON documents (current_version_id);`,
  // Phase (실적/계획) beside year, so listings need no full record.
  `
  ALTER TABLE records ADD COLUMN phase TEXT;
  UPDATE records SET phase = json_extract(data_json, '$.phase');
  `,
  // Feedback staff give on an answer (👍/👎 and what was wrong), with the question, the reply and its sources
  // as they were, so an office can fix the document or report the defect.
  `
  CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    platform TEXT NOT NULL,
    workspace TEXT,
    channel TEXT,
    user TEXT,
    question TEXT NOT NULL,
    reply_kind TEXT NOT NULL,
    reply_text TEXT NOT NULL,
    sources_json TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('up', 'down')),
    comment TEXT
  );
  CREATE INDEX feedback_at ON feedback (at);
  `,
  // Digest subscriptions and every scheduled slot's outcome: a slot row is claimed before posting, so a restart
  // never sends it twice; missed and failed slots stay visible to `digest list`.
  `
  CREATE TABLE digest_subscriptions (
    id INTEGER PRIMARY KEY,
    cadence TEXT NOT NULL CHECK (cadence IN ('weekly', 'daily')),
    days TEXT NOT NULL,
    time TEXT NOT NULL,
    scope TEXT,
    platform TEXT NOT NULL,
    workspace TEXT,
    channel TEXT NOT NULL,
    thread TEXT,
    created_by TEXT,
    created_at TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    last_error TEXT,
    last_error_at TEXT
  );
  CREATE TABLE digest_deliveries (
    id INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES digest_subscriptions(id),
    slot TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'missed', 'failed', 'interrupted')),
    late INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    parts INTEGER NOT NULL DEFAULT 0,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    error TEXT,
    UNIQUE (subscription_id, slot)
  );
  CREATE INDEX digest_deliveries_subscription ON digest_deliveries (subscription_id, status);
  `,
  // Each part of a digest as composed, and how its post went, committed before and after every attempt: a
  // restart within the grace period resumes from the first part not posted. A part still 'posting' when its
  // process died becomes 'unknown' and is not sent again (its request had most likely reached the platform).
  // `owner` (host:pid) tells a live process's delivery from a dead one's.
  `
  ALTER TABLE digest_deliveries ADD COLUMN owner TEXT;
  CREATE TABLE digest_parts (
    delivery_id INTEGER NOT NULL REFERENCES digest_deliveries(id),
    part INTEGER NOT NULL,
    reply_json TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'posting', 'posted', 'unknown')),
    attempts INTEGER NOT NULL DEFAULT 0,
    attempted_at TEXT,
    posted_at TEXT,
    message_id TEXT,
    error TEXT,
    PRIMARY KEY (delivery_id, part)
  ) WITHOUT ROWID;
  `,
  // The document model of every version, whatever its family: metadata, and its blocks as passages with a
  // full-text index of their Korean tokens (the block's own, and its title and section path apart, weighted lower).
  `
  CREATE TABLE doc_models (
    version_id INTEGER PRIMARY KEY REFERENCES document_versions(id),
    title TEXT NOT NULL,
    department TEXT,
    date TEXT,
    meta_json TEXT NOT NULL
  );
  CREATE TABLE passages (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES document_versions(id),
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    line_from INTEGER NOT NULL,
    line_to INTEGER NOT NULL,
    block_json TEXT NOT NULL
  );
  CREATE INDEX passages_version ON passages (version_id, ord);
  CREATE VIRTUAL TABLE passages_fts USING fts5(body, context, content='', tokenize='unicode61 remove_diacritics 0');
  `,
  // Which answerer produced a reply that staff rated, so a wrong answer is explained in one look.
  `ALTER TABLE feedback ADD COLUMN trace_json TEXT NOT NULL DEFAULT '[]';`,
  // Where each stored line of an office file stands in the file ("3쪽", "문단 12", "표 2 · 3행 2열"), as runs of
  // lines sharing one locator (a PDF page is one run), so a citation names the page or cell. A text file has none.
  `
  CREATE TABLE line_locators (
    version_id INTEGER NOT NULL REFERENCES document_versions(id),
    line_from INTEGER NOT NULL,
    line_to INTEGER NOT NULL,
    locator TEXT NOT NULL,
    PRIMARY KEY (version_id, line_from)
  ) WITHOUT ROWID;
  `,
];
