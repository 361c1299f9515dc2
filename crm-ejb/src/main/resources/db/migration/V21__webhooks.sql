-- Outgoing webhooks (Configurações → Integrações): the endpoints that receive events, and every event queued for
-- each of them in the transaction of the change (the background sender posts it, signed, with retries).

create sequence crm_webhook_endpoint_seq start with 50 increment by 50;

-- An endpoint: where to post, which event types (comma-separated), the secret that signs (never shown again after
-- it was made), and whether it receives anything now.
create table crm_webhook_endpoint (
    id          bigint        not null,
    name        varchar(100)  not null,
    url         varchar(2000) not null,
    events      varchar(500)  not null,
    secret      varchar(100)  not null,
    active      boolean       not null,
    created_at  timestamp with time zone not null,
    created_by  varchar(60)   not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(60)   not null,
    version     bigint        not null default 0,
    constraint crm_webhook_endpoint_pk primary key (id)
);

create sequence crm_webhook_delivery_seq start with 50 increment by 50;

-- One event for one endpoint: the document as written when the change was made, its delivery id (the same on every
-- attempt, for the receiver to deduplicate), its state (QUEUED → SENDING → DELIVERED, or FAILED after the last
-- attempt) and the receiver's last answer. subject_id has no foreign key: a deleted subject's last event is kept.
-- Deleting an endpoint deletes its deliveries.
create table crm_webhook_delivery (
    id              bigint          not null,
    endpoint_id     bigint          not null,
    delivery_id     varchar(36)     not null,
    event_type      varchar(40)     not null,
    subject_id      bigint,
    payload         varchar(1000000) not null,
    status          varchar(10)     not null,
    attempts        integer         not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_status     integer,
    last_answer     varchar(2000),
    last_error      varchar(1000),
    last_attempt_at timestamp with time zone,
    delivered_at    timestamp with time zone,
    created_at      timestamp with time zone not null,
    version         bigint          not null default 0,
    constraint crm_webhook_delivery_pk primary key (id),
    constraint crm_webhook_delivery_endpoint_fk foreign key (endpoint_id) references crm_webhook_endpoint (id)
        on delete cascade,
    constraint crm_webhook_delivery_id_uk unique (delivery_id),
    constraint crm_webhook_delivery_status_ck check (status in ('QUEUED', 'SENDING', 'DELIVERED', 'FAILED'))
);
-- The sender's queue: due deliveries by state and time.
create index crm_webhook_delivery_queue_ix on crm_webhook_delivery (status, next_attempt_at);
-- The order per endpoint and subject (no later delivery leaves while an earlier one is pending).
create index crm_webhook_delivery_order_ix on crm_webhook_delivery (endpoint_id, subject_id, created_at);
-- An endpoint's recent deliveries (the settings page).
create index crm_webhook_delivery_endpoint_ix on crm_webhook_delivery (endpoint_id, created_at);
