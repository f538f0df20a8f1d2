-- WeCom callbacks accepted within the timestamp window: the same signature and nonce again is a replay.
create table wecom_callback_seen (
  msg_signature varchar(40)  not null,
  nonce         varchar(64)  not null,
  seen_at       timestamp with time zone not null,
  primary key (msg_signature, nonce)
);
create index wecom_callback_seen_at on wecom_callback_seen (seen_at);
