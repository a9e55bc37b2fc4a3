-- C8: the image-promotion collection. An item (kind, fields, place, date, contributing unit, credit,
-- licence, classification) has one translation per language, each with its own status, and media
-- with derived renditions. Every workflow move and comment is an event; every public change is a
-- row of the change feed read by the national database.

create table promo_item (
    id                bigserial    primary key,
    jurisdiction_code varchar(8)   not null references jurisdiction (code),
    unit_id           bigint       not null references unit (id),
    kind              varchar(30)  not null,
    fields            text[]       not null default '{}',
    tags              text[]       not null default '{}',
    place             varchar(300),
    taken_on          date,
    author            varchar(300),
    credit            varchar(300),
    licence           varchar(100) not null,
    classification    varchar(20)  not null,
    status            varchar(20)  not null,
    created_by        varchar(60)  not null,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    published_at      timestamptz,
    version           bigint       not null default 0
);
create index promo_item_jurisdiction_ix on promo_item (jurisdiction_code, status);
create index promo_item_unit_ix on promo_item (unit_id);

create table promo_translation (
    id           bigserial    primary key,
    item_id      bigint       not null references promo_item (id),
    language     varchar(8)   not null,
    title        text         not null,
    summary      text,
    body         text,
    status       varchar(20)  not null,
    published_at timestamptz,
    unique (item_id, language)
);

create table promo_media (
    id           bigserial    primary key,
    item_id      bigint       not null references promo_item (id),
    position     int          not null,
    kind         varchar(10)  not null,
    filename     varchar(300) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    width        int,
    height       int,
    original_key varchar(60)  not null,
    web_key      varchar(60),
    thumb_key    varchar(60),
    caption      text,
    generated    boolean      not null default false
);
create index promo_media_item_ix on promo_media (item_id, position);

create table promo_event (
    id          bigserial    primary key,
    item_id     bigint       not null references promo_item (id),
    at          timestamptz  not null,
    username    varchar(60)  not null,
    action      varchar(30)  not null,
    from_status varchar(20),
    to_status   varchar(20),
    language    varchar(8),
    note        text
);
create index promo_event_item_ix on promo_event (item_id, at);

-- The change feed: one row per public change, in commit order of the sequence.
create table promo_change (
    seq     bigserial   primary key,
    item_id bigint      not null references promo_item (id),
    kind    varchar(20) not null,
    at      timestamptz not null
);
create index promo_change_item_ix on promo_change (item_id, seq);

-- Bulk imports: the ZIP is kept in file storage; the preview and progress here, so any node can finish it.
create table promo_import (
    id            bigserial    primary key,
    jurisdiction_code varchar(8) not null,
    unit_id       bigint       not null,
    username      varchar(60)  not null,
    filename      varchar(300) not null,
    file_key      varchar(60)  not null,
    status        varchar(20)  not null,
    preview       jsonb        not null,
    total         int          not null,
    done          int          not null default 0,
    message       text,
    created_at    timestamptz  not null,
    finished_at   timestamptz
);

create table promo_item_aud (
    id bigint not null, rev bigint not null references revision (id), revtype smallint,
    jurisdiction_code varchar(8), unit_id bigint, kind varchar(30), fields text[], tags text[], place varchar(300),
    taken_on date, author varchar(300), credit varchar(300), licence varchar(100), classification varchar(20),
    status varchar(20), created_by varchar(60), created_at timestamptz, updated_at timestamptz, published_at timestamptz,
    primary key (id, rev)
);
create table promo_translation_aud (
    id bigint not null, rev bigint not null references revision (id), revtype smallint,
    item_id bigint, language varchar(8), title text, summary text, body text, status varchar(20), published_at timestamptz,
    primary key (id, rev)
);
