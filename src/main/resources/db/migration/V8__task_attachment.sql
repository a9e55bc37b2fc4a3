-- Files attached to a progress record as evidence; the bytes live in the file storage.
create table task_attachment (
    id           bigserial    primary key,
    progress_id  bigint       not null references task_progress (id),
    filename     varchar(255) not null,
    content_type varchar(100) not null,
    size         bigint       not null,
    storage_key  varchar(100) not null unique,
    sha256       char(64)     not null
);
create index task_attachment_progress_ix on task_attachment (progress_id);
