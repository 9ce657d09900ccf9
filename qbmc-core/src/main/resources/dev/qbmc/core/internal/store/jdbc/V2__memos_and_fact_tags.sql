-- qbmc JdbcStore schema, version 2: a record state's memo (RecordState.memo) and a connection's fact
-- tags (Connection.factTags). Rows written before keep a null memo; connections written before have
-- fact_tags_set false and read back with the default fact tags.

ALTER TABLE ${schema}${prefix}record_states ADD COLUMN memo text;

ALTER TABLE ${schema}${prefix}connections ADD COLUMN fact_tags_set boolean NOT NULL DEFAULT false;
ALTER TABLE ${schema}${prefix}connections ADD COLUMN open_balance_tag text;
ALTER TABLE ${schema}${prefix}connections ADD COLUMN overdue_tag text;
