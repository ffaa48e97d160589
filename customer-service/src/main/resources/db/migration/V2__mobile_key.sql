-- One phone rule for the suite (platform-starter PhoneNumbers): a client's mobile is kept as
-- written (`mobile`) and compared by its key: the E.164 form where the number is valid in the
-- organisation's region, else its digits. Every stored mobile_e164 was such a valid number's E.164,
-- which is exactly its key under the new rule, so the column is renamed, not recomputed; the
-- constraints on it (one client per mobile per organisation) follow the rename.
ALTER TABLE customer RENAME COLUMN mobile_e164 TO mobile_key;
