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
];
