-- C2: legal documents, their articles and clauses, and the reporting rules they set.

create table legal_document (
    id                bigserial    primary key,
    jurisdiction_code varchar(8)   not null references jurisdiction (code),
    kind              varchar(30)  not null,
    number            varchar(60)  not null unique,
    title             text         not null,
    issued_on         date         not null,
    issuer            varchar(200) not null,
    signer            varchar(200),
    signer_title      varchar(200),
    effective_from    date,
    effective_to      date,
    replaces          varchar(200),
    source_file       varchar(100),
    note              text
);

create table legal_article (
    id          bigserial    primary key,
    document_id bigint       not null references legal_document (id),
    number      int          not null,
    chapter     varchar(20),
    title       text         not null,
    lead_in     text,
    unique (document_id, number)
);

create table legal_clause (
    id         bigserial   primary key,
    article_id bigint      not null references legal_article (id),
    position   int         not null,
    label      varchar(10),
    text       text        not null
);
create index legal_clause_article_ix on legal_clause (article_id);

-- "trước ngày 20/11": due_before_day = 20, due_before_month = 11; the last on-time day is the 19th.
create table reporting_rule (
    id                bigserial    primary key,
    jurisdiction_code varchar(8)   not null references jurisdiction (code),
    document_id       bigint       not null references legal_document (id),
    kind              varchar(30)  not null,
    covers            varchar(30)  not null,
    due_before_day    int,
    due_before_month  int,
    submitters        text         not null,
    collector_role    varchar(40)  not null,
    recipients        text         not null,
    form              varchar(300),
    article_ref       varchar(100) not null,
    quote             text         not null,
    note              text,
    constraint reporting_rule_due check ((due_before_day is null) = (due_before_month is null)),
    constraint reporting_rule_day check (due_before_day is null or (due_before_day between 1 and 31 and due_before_month between 1 and 12))
);
create index reporting_rule_jurisdiction_ix on reporting_rule (jurisdiction_code);
