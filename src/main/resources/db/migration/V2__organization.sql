-- C1: jurisdictions, units and their names over time, duties, roles, people, succession.

create table jurisdiction (
    code            varchar(8)   primary key,
    name            varchar(200) not null,
    name_en         varchar(200),
    kind            varchar(20)  not null,
    valid_to        date,
    successor_code  varchar(8)   references jurisdiction (code),
    succession_note text
);

create table unit (
    id                bigserial    primary key,
    jurisdiction_code varchar(8)   not null references jurisdiction (code),
    demo_key          varchar(60)  unique,
    type              varchar(40)  not null,
    parent_id         bigint       references unit (id),
    email             varchar(200),
    phone             varchar(60),
    address           varchar(300),
    website           varchar(300),
    valid_from        date,
    valid_to          date,
    origin            varchar(20)  not null,
    named_in          text,
    version           bigint       not null default 0,
    constraint unit_period check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index unit_jurisdiction_ix on unit (jurisdiction_code);
create index unit_parent_ix on unit (parent_id);

-- A unit keeps its identity when renamed; each name holds for a period.
create table unit_name (
    id           bigserial    primary key,
    unit_id      bigint       not null references unit (id),
    name         varchar(300) not null,
    abbreviation varchar(100),
    name_en      varchar(300),
    search_key   varchar(700) not null,
    valid_from   date,
    valid_to     date,
    constraint unit_name_period check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index unit_name_unit_ix on unit_name (unit_id);

-- Other spellings of a unit's name met in documents, for matching imported text to the registry.
create table unit_alias (
    unit_id    bigint       not null references unit (id),
    alias      varchar(300) not null,
    search_key varchar(700) not null,
    primary key (unit_id, alias)
);
create index unit_alias_key_ix on unit_alias (search_key);

create table regulation_role (
    code           varchar(40)  primary key,
    position       int          not null,
    name_vi        varchar(200) not null,
    name_en        varchar(200) not null,
    description_vi text         not null
);

create table role_binding (
    id                bigserial    primary key,
    role_code         varchar(40)  not null references regulation_role (code),
    jurisdiction_code varchar(8)   not null references jurisdiction (code),
    unit_id           bigint       not null references unit (id),
    valid_from        date,
    valid_to          date,
    basis             varchar(300),
    confirmed         boolean      not null default true,
    constraint role_binding_period check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index role_binding_unit_ix on role_binding (unit_id);
create index role_binding_role_ix on role_binding (jurisdiction_code, role_code);

-- A duty as the regulation words it; who holds it can change over time (duty_assignment).
create table duty (
    id                bigserial    primary key,
    jurisdiction_code varchar(8)   not null references jurisdiction (code),
    document_number   varchar(60)  not null,
    article           int          not null,
    clause            varchar(10),
    position          int          not null,
    text              text         not null
);
create index duty_document_ix on duty (document_number, article);

create table duty_assignment (
    id         bigserial    primary key,
    duty_id    bigint       not null references duty (id),
    unit_id    bigint       not null references unit (id),
    valid_from date,
    valid_to   date,
    basis      varchar(300),
    constraint duty_assignment_period check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index duty_assignment_unit_ix on duty_assignment (unit_id);
create index duty_assignment_duty_ix on duty_assignment (duty_id);

create table person (
    id             bigserial    primary key,
    unit_id        bigint       not null references unit (id),
    full_name      varchar(200) not null,
    post           varchar(30)  not null,
    position_title varchar(200),
    phone          varchar(60),
    email          varchar(200),
    valid_from     date,
    valid_to       date,
    demo           boolean      not null default false,
    version        bigint       not null default 0,
    constraint person_period check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index person_unit_ix on person (unit_id);

create table succession (
    id                bigserial    primary key,
    jurisdiction_code varchar(8)   not null references jurisdiction (code),
    kind              varchar(20)  not null,
    effective_date    date         not null,
    basis             varchar(300),
    note              text,
    confirmed         boolean      not null default true,
    source            text,
    recorded_by       varchar(100),
    recorded_at       timestamptz  not null
);

create table succession_unit (
    succession_id bigint      not null references succession (id),
    unit_id       bigint      not null references unit (id),
    side          varchar(4)  not null,
    primary key (succession_id, unit_id, side)
);
create index succession_unit_unit_ix on succession_unit (unit_id);

create table succession_role (
    succession_id bigint      not null references succession (id),
    role_code     varchar(40) not null references regulation_role (code),
    primary key (succession_id, role_code)
);

-- Change history (Hibernate Envers): one row per revision of each audited record.
create table unit_aud (
    id bigint not null, rev bigint not null references revision (id), revtype smallint,
    jurisdiction_code varchar(8), demo_key varchar(60), type varchar(40), parent_id bigint,
    email varchar(200), phone varchar(60), address varchar(300), website varchar(300),
    valid_from date, valid_to date, origin varchar(20), named_in text,
    primary key (id, rev)
);
create table unit_name_aud (
    id bigint not null, rev bigint not null references revision (id), revtype smallint,
    unit_id bigint, name varchar(300), abbreviation varchar(100), name_en varchar(300), search_key varchar(700),
    valid_from date, valid_to date,
    primary key (id, rev)
);
create table role_binding_aud (
    id bigint not null, rev bigint not null references revision (id), revtype smallint,
    role_code varchar(40), jurisdiction_code varchar(8), unit_id bigint, valid_from date, valid_to date,
    basis varchar(300), confirmed boolean,
    primary key (id, rev)
);
create table duty_assignment_aud (
    id bigint not null, rev bigint not null references revision (id), revtype smallint,
    duty_id bigint, unit_id bigint, valid_from date, valid_to date, basis varchar(300),
    primary key (id, rev)
);
create table person_aud (
    id bigint not null, rev bigint not null references revision (id), revtype smallint,
    unit_id bigint, full_name varchar(200), post varchar(30), position_title varchar(200), phone varchar(60),
    email varchar(200), valid_from date, valid_to date, demo boolean,
    primary key (id, rev)
);
create index unit_aud_rev_ix on unit_aud (rev);
create index unit_name_aud_unit_ix on unit_name_aud (unit_id);
create index role_binding_aud_unit_ix on role_binding_aud (unit_id);
create index duty_assignment_aud_unit_ix on duty_assignment_aud (unit_id);
create index person_aud_unit_ix on person_aud (unit_id);

insert into regulation_role (code, position, name_vi, name_en, description_vi) values
('FOREIGN_INFO_LEAD', 1, 'Cơ quan chủ trì quản lý nhà nước về thông tin đối ngoại', 'Lead of state management of foreign information', 'Tham mưu UBND quản lý nhà nước về TTĐN; nhận kế hoạch, báo cáo của các cơ quan, tổng hợp, báo cáo UBND, Ban Chỉ đạo và Bộ.'),
('FOREIGN_REPORTERS', 2, 'Quản lý, hướng dẫn phóng viên nước ngoài', 'Manager of foreign reporters', 'Quản lý, hướng dẫn phóng viên, đoàn báo chí nước ngoài hoạt động tại địa phương.'),
('FOREIGN_PRESS_MONITORING', 3, 'Theo dõi dư luận báo chí nước ngoài', 'Monitoring of foreign press', 'Theo dõi, tổng hợp dư luận báo chí nước ngoài viết về địa phương.'),
('INTERNATIONAL_PRESS_CONFERENCES', 4, 'Tổ chức họp báo quốc tế của lãnh đạo', 'International press conferences of leaders', 'Chủ trì tổ chức các cuộc họp báo quốc tế của lãnh đạo ở trong nước và nước ngoài.'),
('FOREIGN_AFFAIRS', 5, 'Đầu mối đối ngoại', 'Foreign affairs focal body', 'Phối hợp Bộ Ngoại giao, cơ quan đại diện Việt Nam ở nước ngoài; đoàn ra, đoàn vào.'),
('FINANCE_APPRAISAL', 6, 'Thẩm định, bố trí kinh phí', 'Finance appraisal', 'Thẩm định dự toán, tham mưu bố trí kinh phí và hướng dẫn thanh quyết toán cho hoạt động TTĐN.'),
('SECURITY_SECRETS', 7, 'Hướng dẫn, kiểm tra bảo vệ bí mật nhà nước', 'Security and state-secret guidance', 'Hướng dẫn, kiểm tra việc chấp hành quy định bảo vệ bí mật nhà nước trong hoạt động TTĐN.'),
('STAFFING', 8, 'Bố trí, bồi dưỡng cán bộ làm TTĐN', 'Staffing', 'Hướng dẫn bố trí, xây dựng đội ngũ cán bộ làm công tác TTĐN.'),
('CULTURE_PROMOTION', 9, 'Quảng bá văn hóa, thể thao', 'Culture and sports promotion', 'Thông tin, quảng bá văn hóa; sự kiện văn hóa, thể thao ở nước ngoài và quốc tế tại địa phương.'),
('TOURISM_PROMOTION', 10, 'Quảng bá du lịch', 'Tourism promotion', 'Thông tin, quảng bá, xúc tiến du lịch.'),
('INVESTMENT_PROMOTION', 11, 'Thông tin, xúc tiến đầu tư', 'Investment information', 'Cung cấp thông tin về thu hút đầu tư, chính sách ưu đãi, tiềm năng đầu tư.'),
('TRADE_PROMOTION', 12, 'Xúc tiến thương mại', 'Trade promotion', 'Hội nghị xúc tiến thương mại, hội chợ, triển lãm quốc tế kết hợp quảng bá hình ảnh.'),
('PRESS_ORIENTATION', 13, 'Định hướng thông tin, họp báo', 'Press orientation', 'Chỉ đạo, định hướng nội dung TTĐN cho báo chí; họp báo định kỳ, đột xuất.'),
('PEOPLE_DIPLOMACY', 14, 'Thông tin đối ngoại nhân dân', 'People-to-people diplomacy', 'Công tác đối ngoại nhân dân và thông tin đối ngoại nhân dân.'),
('DEFENCE_INFORMATION', 15, 'Thông tin đối ngoại quốc phòng', 'Defence information', 'Thông tin đối ngoại về quốc phòng; đấu tranh phản bác quan điểm sai trái.'),
('INDUSTRIAL_ZONES_INFORMATION', 16, 'Thông tin về các khu công nghiệp', 'Industrial zones information', 'Thông tin, cơ sở dữ liệu dự án đầu tư trong các khu công nghiệp.'),
('PRESS_AGENCY', 17, 'Cơ quan báo chí', 'Press agency', 'Tuyên truyền, quảng bá hình ảnh địa phương trên báo chí, phát thanh, truyền hình, cổng thông tin.'),
('IMAGE_PROMOTION_DATABASE', 18, 'Hệ thống dữ liệu quảng bá hình ảnh', 'Image-promotion data system', 'Xây dựng, quản lý, khai thác hệ thống dữ liệu quảng bá hình ảnh của địa phương.'),
('BORDER_GATE_INFORMATION', 19, 'Thông tin đối ngoại tại cửa khẩu quốc tế', 'Border-gate information', 'Kế hoạch, kinh phí biên soạn nội dung cho hệ thống thông tin đối ngoại tại cửa khẩu quốc tế.'),
('TRAINING', 20, 'Đào tạo, tập huấn TTĐN', 'Training', 'Tổ chức đào tạo, tập huấn, bồi dưỡng nghiệp vụ TTĐN.');
