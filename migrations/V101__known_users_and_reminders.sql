-- Participants as last seen by the application (they live in Keycloak), so that deadline reminders
-- can reach the people of a firm without querying the identity provider.
create table known_user (
    username      varchar(200) primary key,
    email         varchar(320),
    firm          varchar(100),
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null
);

create index known_user_firm on known_user (firm);

-- One row per reminder e-mail sent; the unique key makes each reminder go out once per deadline
-- (an extension gives a new closing instant, hence new reminders).
create table reminder_sent (
    id              bigint generated always as identity primary key,
    consultation_id bigint       not null references consultation (id),
    kind            varchar(20)  not null check (kind in ('SEVEN_DAYS', 'ONE_DAY')),
    closes_at       timestamptz  not null,
    username        varchar(200) not null,
    email           varchar(320) not null,
    firm            varchar(100) not null,
    sent_at         timestamptz  not null,
    unique (consultation_id, kind, closes_at, username)
);
