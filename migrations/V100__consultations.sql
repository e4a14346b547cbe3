-- Consultations (requests for comment), their comment periods as an append-only history of events,
-- their question trees and the cross-margin proposals they consult on.

create table consultation (
    id                  bigint generated always as identity primary key,
    slug                varchar(80)  not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title               varchar(300) not null,
    summary             text         not null,
    agency_sec          boolean      not null,
    agency_cftc         boolean      not null,
    sec_file_number     varchar(40),
    sec_release_number  varchar(60),
    sec_rin             varchar(20),
    cftc_rin            varchar(20),
    fr_document_number  varchar(40),
    fr_citation         varchar(60),
    notice_url          varchar(500),
    -- Planned publication and period length while a draft; the OPEN event records what was published.
    published_on        date,
    period_days         integer      not null default 60 check (period_days between 1 and 366),
    late_comment_policy varchar(20)  not null check (late_comment_policy in ('REJECT', 'ACCEPT_FLAGGED')),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             integer      not null default 0,
    check (agency_sec or agency_cftc)
);

-- The comment period's history. Each row states the closing instant in force after it; rows are
-- never updated or deleted (the trigger below refuses it), so the history cannot be rewritten.
create table period_event (
    id                  bigint generated always as identity primary key,
    consultation_id     bigint       not null references consultation (id),
    seq                 integer      not null check (seq >= 1),
    type                varchar(12)  not null check (type in ('OPEN', 'EXTEND', 'REOPEN', 'CLOSE', 'CORRECTION')),
    fr_citation         varchar(200) not null check (length(trim(fr_citation)) > 0),
    reason              varchar(2000) not null check (length(trim(reason)) > 0),
    -- Start of the comment window: for OPEN and REOPEN, and for a CORRECTION that moves it.
    opens_at            timestamptz,
    closes_at           timestamptz  not null,
    previous_closes_at  timestamptz,
    -- For OPEN: the publication date and period length, and the closing instant the rule gave.
    published_on        date,
    period_days         integer,
    computed_closes_at  timestamptz,
    -- Required when the closing instant differs from what the rule gives (OPEN, CORRECTION).
    override_reason     varchar(2000),
    recorded_by         varchar(200) not null,
    recorded_at         timestamptz  not null,
    unique (consultation_id, seq),
    check (type not in ('OPEN', 'REOPEN') or opens_at is not null),
    check (type not in ('EXTEND', 'CLOSE') or opens_at is null),
    check (opens_at is null or opens_at < closes_at),
    check (type <> 'OPEN' or (published_on is not null and period_days is not null and computed_closes_at is not null)),
    check (computed_closes_at is null or computed_closes_at = closes_at or override_reason is not null)
);

create function period_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'period_event rows are history and cannot be %', lower(tg_op);
end;
$$;

create trigger period_event_append_only
    before update or delete on period_event
    for each row execute function period_event_is_append_only();

-- Sections and questions carry a stable key (what comments refer to) apart from the display number,
-- because notices get corrected and renumbered. Withdrawn entries stay so answers keep their target.
create table question_section (
    id              bigint generated always as identity primary key,
    consultation_id bigint       not null references consultation (id),
    section_key     varchar(64)  not null check (section_key ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
    number          varchar(20)  not null,
    title           varchar(300) not null,
    position        integer      not null,
    withdrawn       boolean      not null default false,
    unique (consultation_id, section_key)
);

create table question (
    id              bigint generated always as identity primary key,
    consultation_id bigint       not null references consultation (id),
    section_id      bigint       not null references question_section (id),
    question_key    varchar(64)  not null check (question_key ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
    number          varchar(20)  not null,
    text            text         not null,
    provisional     boolean      not null default false,
    position        integer      not null,
    withdrawn       boolean      not null default false,
    unique (consultation_id, question_key)
);

create index question_section_idx on question (section_id);

create table question_part (
    id          bigint generated always as identity primary key,
    question_id bigint      not null references question (id) on delete cascade,
    label       varchar(10) not null,
    text        text        not null,
    position    integer     not null,
    -- Deferred so that relabelling parts in one transaction (a<->b) does not trip over itself.
    constraint question_part_label_once unique (question_id, label) deferrable initially deferred
);

-- The cross-margin proposals (parameter documents of the margin engine, referred to by id) that a
-- consultation asks participants to model against.
create table consultation_proposal (
    consultation_id bigint       not null references consultation (id),
    position        integer      not null,
    proposal_id     varchar(64)  not null check (proposal_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
    title           varchar(300) not null,
    primary key (consultation_id, position),
    constraint consultation_proposal_once unique (consultation_id, proposal_id) deferrable initially deferred
);
