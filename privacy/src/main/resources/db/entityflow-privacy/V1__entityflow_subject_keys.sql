-- Subject keys of entityflow-privacy (PostgreSQL). One row per data subject that has a key: the
-- subject's Tink AEAD keyset wrapped by the key-encryption key named in kek_uri. Deleting the row
-- forgets the subject (crypto-shredding): everything encrypted with the keyset becomes unreadable.
CREATE TABLE entityflow_subject_keys (
  subject_id     TEXT        PRIMARY KEY,             -- the contract's subject id, as a string
  wrapped_keyset BYTEA       NOT NULL,                -- KEK.encrypt(binary Tink keyset, empty AD)
  kek_uri        TEXT        NOT NULL,                -- gcp-kms://... or local-file://...
  pseudonym      TEXT        NOT NULL UNIQUE,         -- 22 chars, URL-safe base64 of 16 random bytes
  created_at     TIMESTAMPTZ NOT NULL
);

-- Who forgot which subject when. Holds nothing else: no key material, no personal data.
CREATE TABLE entityflow_forget_audit (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_id   TEXT        NOT NULL,
  actor        TEXT        NOT NULL,                  -- who asked, e.g. a user or ticket id
  forgotten_at TIMESTAMPTZ NOT NULL,
  key_existed  BOOLEAN     NOT NULL                   -- false: the subject had no key (recorded too)
);

CREATE INDEX entityflow_forget_audit_subject_idx ON entityflow_forget_audit (subject_id);
