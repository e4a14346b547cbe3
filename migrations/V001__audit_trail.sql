-- Every state change of the application leaves one row here: who did what, when, and the state
-- before and after. Rows are never updated or deleted by the application.
create table audit_event (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz  not null,
    actor       varchar(200) not null,
    action      varchar(100) not null,
    entity_type varchar(100) not null,
    entity_id   varchar(200) not null,
    before_state jsonb,
    after_state  jsonb,
    detail      varchar(2000)
);

create index audit_event_entity on audit_event (entity_type, entity_id);
create index audit_event_occurred on audit_event (occurred_at desc);
