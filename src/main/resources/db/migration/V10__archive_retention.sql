-- Sealed archives that prove themselves, evidence packs as PDF, and erasure after the retention period.
-- Portable SQL: H2 2.x and PostgreSQL.

-- The head of the communications' hash chain when the case was sealed: a later change to any
-- communication row gives another head. erased_sha256 is the hash of the record after erasure
-- (record_sha256 stays the hash of the record as sealed).
alter table case_archive add column chain_head varchar(64);
alter table case_archive add column erased_at timestamp with time zone;
alter table case_archive add column erased_sha256 varchar(64);
create index case_archive_retention on case_archive (erased_at, closed_at);

-- Retention erases the borrower's personal data; the columns that held it become empty.
alter table loan_case add column erased_at timestamp with time zone;
alter table loan_case alter column borrower_name drop not null;
alter table loan_case alter column borrower_key drop not null;
alter table loan_case alter column phone_cipher drop not null;
alter table loan_case alter column phone_masked drop not null;
alter table loan_case alter column id_number_cipher drop not null;
alter table loan_case alter column vehicle_plate drop not null;
alter table loan_case alter column vehicle_vin drop not null;

alter table communication alter column content_cipher drop not null;
alter table outbound_message alter column recipient_cipher drop not null;
alter table outbound_message alter column content_cipher drop not null;
alter table gateway_record alter column payload_cipher drop not null;
alter table contact_attempt alter column borrower_key drop not null;

-- The pack is a PDF now: content_sha256 is the SHA-256 of the file, text_sha256 that of the text
-- printed in it (a file cannot carry its own hash, so its footer carries this one).
alter table evidence_pack alter column content_cipher drop not null;
alter table evidence_pack add column text_sha256 varchar(64);
alter table evidence_pack add column erased_at timestamp with time zone;
create index evidence_pack_case on evidence_pack (case_id);

-- Reads of the archive and downloads of the evidence pack are audited like communication reads.
alter table communication_read add column access varchar(20) default 'COMMUNICATIONS' not null;
