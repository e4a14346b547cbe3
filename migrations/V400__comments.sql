-- Structured comments: a firm's draft (shared by its participants, optimistically locked, with a
-- version history), its answers per question, attachments (content in the database), impact summaries
-- attached to questions; and what was filed: submissions (immutable), their receipts, supplements
-- and withdrawal requests.

create table comment_draft (
    id                  bigint generated always as identity primary key,
    consultation_id     bigint        not null references consultation (id),
    firm                varchar(100)  not null,
    -- A supplement is a new draft that, once submitted, is linked to an earlier submission.
    supplement_of       bigint,
    status              varchar(12)   not null check (status in ('DRAFT', 'SUBMITTED')),
    organization        varchar(300),
    category            varchar(40)   check (category in ('BROKER_DEALER', 'FCM', 'DUAL_REGISTRANT',
                            'CLEARING_AGENCY_OR_DCO', 'MARKET_MAKER', 'ASSET_MANAGER', 'CRYPTO_FIRM',
                            'TRADE_ASSOCIATION', 'INDIVIDUAL', 'OTHER')),
    contact_name        varchar(200),
    contact_email       varchar(320),
    contact_phone       varchar(40),
    file_with_sec       boolean       not null default false,
    file_with_cftc      boolean       not null default false,
    cover_letter        text          not null default '',
    created_by          varchar(200)  not null,
    created_at          timestamptz   not null,
    updated_by          varchar(200)  not null,
    updated_at          timestamptz   not null,
    version             integer       not null default 0
);

-- One working draft per firm and consultation; supplements are separate drafts.
create unique index comment_draft_one_per_firm on comment_draft (consultation_id, firm)
    where supplement_of is null;
create index comment_draft_firm on comment_draft (firm);

create table comment_answer (
    id            bigint generated always as identity primary key,
    draft_id      bigint        not null references comment_draft (id) on delete cascade,
    question_key  varchar(64)   not null,
    body          text          not null,
    confidential  boolean       not null default false,
    grounds       varchar(4000),
    unique (draft_id, question_key),
    check (not confidential or length(trim(coalesce(grounds, ''))) > 0)
);

create table comment_impact_link (
    draft_id      bigint        not null references comment_draft (id) on delete cascade,
    question_key  varchar(64)   not null,
    summary_id    bigint        not null,
    primary key (draft_id, question_key, summary_id)
);

-- File content lives in the database with its hash, so a submission and its attachments commit (or
-- roll back) together. Rows are never updated once written; removing a file from a draft deletes it,
-- which the foreign key from comment_submission_attachment forbids once it was filed.
create table comment_attachment (
    id            bigint generated always as identity primary key,
    draft_id      bigint        not null references comment_draft (id),
    file_name     varchar(255)  not null,
    kind          varchar(8)    not null check (kind in ('PDF', 'DOCX', 'XLSX', 'CSV')),
    media_type    varchar(120)  not null,
    size_bytes    bigint        not null check (size_bytes > 0 and size_bytes <= 10485760),
    sha256        varchar(64)   not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content       bytea         not null,
    confidential  boolean       not null default false,
    grounds       varchar(4000),
    uploaded_by   varchar(200)  not null,
    uploaded_at   timestamptz   not null,
    check (not confidential or length(trim(coalesce(grounds, ''))) > 0)
);
create index comment_attachment_draft on comment_attachment (draft_id);

-- The draft as it was after each save: what the conflict message and the history page compare.
create table comment_draft_revision (
    id        bigint generated always as identity primary key,
    draft_id  bigint        not null references comment_draft (id) on delete cascade,
    version   integer       not null,
    saved_by  varchar(200)  not null,
    saved_at  timestamptz   not null,
    summary   varchar(1000) not null,
    snapshot  jsonb         not null,
    unique (draft_id, version)
);

create table comment_submission (
    id                 bigint generated always as identity primary key,
    -- Exactly one submission per draft: the last line of defence against double submits.
    draft_id           bigint        not null unique references comment_draft (id),
    consultation_id    bigint        not null references consultation (id),
    firm               varchar(100)  not null,
    supplement_of      bigint        references comment_submission (id),
    tracking_number    varchar(24)   not null unique,
    idempotency_key    varchar(200)  not null,
    submitted_by       varchar(200)  not null,
    received_at        timestamptz   not null,
    late               boolean       not null,
    closes_at          timestamptz,
    organization       varchar(300)  not null,
    agencies           varchar(20)   not null,
    identifiers        jsonb         not null,
    full_document      text          not null,
    full_sha256        varchar(64)   not null check (full_sha256 ~ '^[0-9a-f]{64}$'),
    public_document    text          not null,
    public_sha256      varchar(64)   not null check (public_sha256 ~ '^[0-9a-f]{64}$'),
    unique (firm, idempotency_key)
);
create index comment_submission_firm on comment_submission (firm);
alter table comment_draft add constraint comment_draft_supplement_of
    foreign key (supplement_of) references comment_submission (id);

create table comment_submission_attachment (
    submission_id  bigint  not null references comment_submission (id),
    position       integer not null,
    attachment_id  bigint  not null references comment_attachment (id),
    primary key (submission_id, position)
);

-- Issued in its own transaction once the submission has committed.
create table comment_receipt (
    submission_id  bigint       primary key references comment_submission (id),
    tracking_number varchar(24) not null unique,
    issued_at      timestamptz  not null
);

create table comment_withdrawal_request (
    id             bigint generated always as identity primary key,
    submission_id  bigint        not null references comment_submission (id),
    requested_by   varchar(200)  not null,
    requested_at   timestamptz   not null,
    reason         varchar(4000) not null check (length(trim(reason)) > 0),
    status         varchar(10)   not null check (status in ('PENDING', 'GRANTED', 'DENIED')),
    decided_by     varchar(200),
    decided_at     timestamptz,
    decision_note  varchar(4000)
);
-- At most one open request per submission.
create unique index comment_withdrawal_one_pending on comment_withdrawal_request (submission_id)
    where status = 'PENDING';

-- Filed comments cannot change: refuse any update or delete of a submission, its attachment list and
-- the attachments it references.
create function comment_filed_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception '% rows of filed comments cannot be changed', tg_table_name;
end;
$$;

create trigger comment_submission_immutable before update or delete on comment_submission
    for each row execute function comment_filed_is_immutable();
create trigger comment_submission_attachment_immutable before update or delete on comment_submission_attachment
    for each row execute function comment_filed_is_immutable();
-- A draft's file may change its confidentiality until it is filed.
create function comment_attachment_filed_is_immutable() returns trigger language plpgsql as $$
begin
    if exists (select 1 from comment_submission_attachment where attachment_id = old.id) then
        raise exception 'attachment % was filed and cannot be changed', old.id;
    end if;
    if new.content is distinct from old.content or new.sha256 <> old.sha256 then
        raise exception 'attachment content cannot be changed; upload a new file';
    end if;
    return new;
end;
$$;

create trigger comment_attachment_immutable before update on comment_attachment
    for each row execute function comment_attachment_filed_is_immutable();
