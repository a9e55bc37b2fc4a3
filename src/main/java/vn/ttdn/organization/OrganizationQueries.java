package vn.ttdn.organization;

import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.VietnameseText;

/**
 * What the registry looked like on a day: units with the names they bore then, the roles and
 * duties they held then, and the people in post then. Every read can be asked "as of a date".
 * Reads run without a transaction of their own, so that an answer from {@link RegistryCache}
 * costs one primary-key read and no more.
 */
@Component
public class OrganizationQueries {

	private static final String VALID = "(%1$s.valid_from is null or %1$s.valid_from <= :day) and (%1$s.valid_to is null or %1$s.valid_to >= :day)";
	private static final Comparator<String> VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi"))::compare;

	private final JdbcClient jdbc;
	private final RegistryCache cache;
	private final JsonMapper json;

	OrganizationQueries(JdbcClient jdbc, RegistryCache cache, JsonMapper json) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.json = json;
	}

	private static String valid(String alias) {
		return VALID.formatted(alias);
	}

	// ---------------------------------------------------------------- views

	public record JurisdictionView(String code, String name, @Nullable String nameEn, JurisdictionKind kind,
			@Nullable LocalDate validTo, @Nullable String successorCode, @Nullable String successionNote) {
	}

	public record UnitRow(long id, String jurisdictionCode, UnitType type, @Nullable Long parentId, String name,
			@Nullable String abbreviation, @Nullable String nameEn, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo, List<String> roles) {

		/** The name as documents write it briefly, e.g. "Sở TTTT". */
		public String shortName() {
			return abbreviation != null ? abbreviation : name;
		}
	}

	/** A line of the organisation tree: a unit at its depth, in the order the tree is read. */
	public record TreeRow(UnitRow unit, int depth) {
	}

	public record NameRow(String name, @Nullable String abbreviation, @Nullable String nameEn,
			@Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
	}

	public record RoleRow(long bindingId, String code, String nameVi, String nameEn, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo, @Nullable String basis, boolean confirmed) {
	}

	public record DutyRow(long dutyId, String documentNumber, int article, @Nullable String clause, String text,
			@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable String basis) {

		public String reference() {
			return Duty.reference(article, clause);
		}
	}

	public record PersonRow(long id, String fullName, Post post, @Nullable String positionTitle,
			@Nullable String phone, @Nullable String email, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo, boolean demo) {
	}

	public record UnitRef(long id, String name) {
	}

	public record SuccessionRow(long id, SuccessionKind kind, LocalDate effectiveDate, @Nullable String basis,
			@Nullable String note, boolean confirmed, @Nullable String source, List<UnitRef> from, List<UnitRef> to,
			List<String> roles) {
	}

	public record HistoryRow(Instant at, String username, String record, int change, String summary) {
	}

	public record UnitDetails(UnitRow unit, LocalDate asOf, Origin origin, @Nullable String namedIn,
			@Nullable String email, @Nullable String phone, @Nullable String address, @Nullable String website,
			@Nullable UnitRef parent, List<UnitRef> children, List<NameRow> names, List<String> aliases,
			List<RoleRow> roles, List<DutyRow> duties, List<PersonRow> people, List<SuccessionRow> successions) {
	}

	public record RoleHolder(String roleCode, String jurisdictionCode, long unitId, String unitName,
			@Nullable String basis, boolean confirmed) {
	}

	public record RoleView(String code, String nameVi, String nameEn, String descriptionVi) {
	}

	// ---------------------------------------------------------------- jurisdictions

	public List<JurisdictionView> jurisdictions() {
		return cache.get("jurisdictions", () -> List.copyOf(jdbc.sql("select code, name, name_en, kind, valid_to, successor_code, succession_note from jurisdiction order by code")
			.query(JurisdictionView.class)
			.list()));
	}

	public JurisdictionView jurisdiction(String code) {
		return jurisdictions().stream().filter(j -> j.code().equals(code)).findFirst()
			.orElseThrow(() -> new NotFound("jurisdiction", code));
	}

	/** The day to show when none is asked for: today, or the last day of a jurisdiction that has since merged. */
	public LocalDate defaultDay(String jurisdictionCode, LocalDate today) {
		LocalDate lastDay = jurisdiction(jurisdictionCode).validTo();
		return lastDay != null && lastDay.isBefore(today) ? lastDay : today;
	}

	/** The day to show a unit on when none is asked for: today, or its last day if it has ended. */
	public LocalDate defaultUnitDay(long unitId, LocalDate today) {
		LocalDate lastDay = placeOf(unitId).lastDay();
		return lastDay != null && lastDay.isBefore(today) ? lastDay : today;
	}

	/** Where a unit belongs and its last day, if it has ended. */
	record UnitPlace(String jurisdictionCode, @Nullable LocalDate lastDay) {
	}

	/** The jurisdiction and last day of a unit, from one list of all units per revision; NotFound for an unknown id. */
	UnitPlace placeOf(long unitId) {
		Map<Long, UnitPlace> places = cache.get("unitPlaces", () -> {
			Map<Long, UnitPlace> all = new HashMap<>(8192);
			jdbc.sql("select id, jurisdiction_code, valid_to from unit").query((RowCallbackHandler) rs -> all
				.put(rs.getLong(1), new UnitPlace(rs.getString(2), rs.getObject(3, LocalDate.class))));
			return all;
		});
		UnitPlace place = places.get(unitId);
		if (place == null) {
			throw new NotFound("unit", unitId);
		}
		return place;
	}

	// ---------------------------------------------------------------- units

	/** Units of a jurisdiction on a day, optionally only those whose name or alias matches {@code filter} with or without diacritics. */
	public List<UnitRow> units(String jurisdictionCode, LocalDate day, @Nullable String filter) {
		String folded = VietnameseText.fold(filter);
		return cache.get("units|" + jurisdictionCode + "|" + day + "|" + folded, () -> loadUnits(jurisdictionCode, day, folded));
	}

	private List<UnitRow> loadUnits(String jurisdictionCode, LocalDate day, String folded) {
		String sql = """
				select u.id, u.jurisdiction_code, u.type, u.parent_id, n.name, n.abbreviation, n.name_en, u.valid_from, u.valid_to,
				  (select string_agg(b.role_code, ',' order by r.position) from role_binding b
				     join regulation_role r on r.code = b.role_code where b.unit_id = u.id and %s) as roles
				from unit u join unit_name n on n.unit_id = u.id and %s
				where u.jurisdiction_code = :jurisdiction and %s
				""".formatted(valid("b"), valid("n"), valid("u"));
		if (!folded.isEmpty()) {
			sql += " and (n.search_key like :q or exists (select 1 from unit_alias a where a.unit_id = u.id and a.search_key like :q))";
		}
		var spec = jdbc.sql(sql).param("jurisdiction", jurisdictionCode).param("day", day);
		if (!folded.isEmpty()) {
			spec = spec.param("q", "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		List<UnitRow> rows = new ArrayList<>(spec.query((rs, i) -> new UnitRow(rs.getLong("id"),
				rs.getString("jurisdiction_code"), UnitType.valueOf(rs.getString("type")),
				rs.getObject("parent_id", Long.class), rs.getString("name"), rs.getString("abbreviation"),
				rs.getString("name_en"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), splitRoles(rs.getString("roles")))).list());
		rows.sort(Comparator.comparing((UnitRow r) -> r.type().ordinal()).thenComparing(UnitRow::name, VIETNAMESE));
		return List.copyOf(rows);
	}

	/**
	 * The units of a day as a tree, read top to bottom: each unit followed by the units under it;
	 * roots are units without a parent valid that day.
	 */
	public List<TreeRow> tree(String jurisdictionCode, LocalDate day) {
		return cache.get("tree|" + jurisdictionCode + "|" + day, () -> loadTree(jurisdictionCode, day));
	}

	private List<TreeRow> loadTree(String jurisdictionCode, LocalDate day) {
		List<UnitRow> rows = units(jurisdictionCode, day, null);
		Map<Long, List<UnitRow>> byParent = new LinkedHashMap<>();
		var ids = rows.stream().map(UnitRow::id).collect(java.util.stream.Collectors.toSet());
		List<UnitRow> roots = new ArrayList<>();
		for (UnitRow row : rows) {
			if (row.parentId() != null && ids.contains(row.parentId())) {
				byParent.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row);
			}
			else {
				roots.add(row);
			}
		}
		List<TreeRow> out = new ArrayList<>(rows.size());
		roots.forEach(root -> walk(root, 0, byParent, out));
		return List.copyOf(out);
	}

	private static void walk(UnitRow row, int depth, Map<Long, List<UnitRow>> byParent, List<TreeRow> out) {
		out.add(new TreeRow(row, depth));
		byParent.getOrDefault(row.id(), List.of()).forEach(child -> walk(child, depth + 1, byParent, out));
	}

	public Optional<UnitRow> unitOn(long unitId, LocalDate day) {
		// No query inside a row mapper: each would hold one pooled connection while waiting for another.
		return jdbc.sql("""
				select u.id, u.jurisdiction_code, u.type, u.parent_id, n.name, n.abbreviation, n.name_en, u.valid_from, u.valid_to
				from unit u left join lateral (
				  select * from unit_name n where n.unit_id = u.id
				  order by (case when %s then 0 else 1 end), n.valid_from desc nulls last limit 1) n on true
				where u.id = :id""".formatted(valid("n")))
			.param("id", unitId)
			.param("day", day)
			.query((rs, i) -> new UnitRow(rs.getLong("id"), rs.getString("jurisdiction_code"),
					UnitType.valueOf(rs.getString("type")), rs.getObject("parent_id", Long.class),
					rs.getString("name"), rs.getString("abbreviation"), rs.getString("name_en"),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), List.of()))
			.optional()
			.map(u -> new UnitRow(u.id(), u.jurisdictionCode(), u.type(), u.parentId(), u.name(), u.abbreviation(),
					u.nameEn(), u.validFrom(), u.validTo(), rolesOf(unitId, day)));
	}

	/** Everything the unit page and the unit API show, as of {@code day}. */
	public UnitDetails details(long unitId, LocalDate day) {
		return cache.get("details|" + unitId + "|" + day, () -> loadDetails(unitId, day));
	}

	/** The same as {@link #details}, read afresh and not kept: for callers that keep something smaller made from it. */
	UnitDetails detailsNotKept(long unitId, LocalDate day) {
		return loadDetails(unitId, day);
	}

	/**
	 * One statement for the unit, its name and parent that day, its children, names, aliases, roles,
	 * duties and people (lists as JSON arrays), and one more per succession it took part in: a unit
	 * read for the first time at a revision used to cost a dozen round trips, each with a pooled
	 * connection of its own.
	 */
	private static final String DETAILS = """
				select u.id, u.jurisdiction_code, u.type, u.parent_id, u.valid_from, u.valid_to, u.origin, u.named_in,
				  u.email, u.phone, u.address, u.website, n.name, n.abbreviation, n.name_en, p.name as parent_name,
				  (select coalesce(json_agg(b.role_code order by r.position), '[]') from role_binding b
				     join regulation_role r on r.code = b.role_code where b.unit_id = u.id and %1$s) as current_roles,
				  (select coalesce(json_agg(json_build_object('id', c.id, 'name', cn.name)), '[]') from unit c
				     join unit_name cn on cn.unit_id = c.id and %2$s where c.parent_id = u.id and %3$s) as children,
				  (select coalesce(json_agg(json_build_object('name', a.name, 'abbreviation', a.abbreviation, 'nameEn', a.name_en,
				     'validFrom', a.valid_from, 'validTo', a.valid_to) order by a.valid_from nulls first, a.id), '[]')
				     from unit_name a where a.unit_id = u.id) as names,
				  (select coalesce(json_agg(x.alias order by x.alias), '[]') from unit_alias x where x.unit_id = u.id) as aliases,
				  (select coalesce(json_agg(json_build_object('bindingId', b.id, 'code', r.code, 'nameVi', r.name_vi,
				     'nameEn', r.name_en, 'validFrom', b.valid_from, 'validTo', b.valid_to, 'basis', b.basis, 'confirmed', b.confirmed)
				     order by (case when %1$s then 0 else 1 end), r.position, b.valid_from), '[]')
				     from role_binding b join regulation_role r on r.code = b.role_code where b.unit_id = u.id) as roles,
				  (select coalesce(json_agg(json_build_object('dutyId', d.id, 'documentNumber', d.document_number,
				     'article', d.article, 'clause', d.clause, 'text', d.text, 'validFrom', da.valid_from, 'validTo', da.valid_to,
				     'basis', da.basis) order by d.document_number, d.article, d.position), '[]')
				     from duty_assignment da join duty d on d.id = da.duty_id where da.unit_id = u.id and %4$s) as duties,
				  (select coalesce(json_agg(json_build_object('id', pp.id, 'fullName', pp.full_name, 'post', pp.post,
				     'positionTitle', pp.position_title, 'phone', pp.phone, 'email', pp.email, 'validFrom', pp.valid_from,
				     'validTo', pp.valid_to, 'demo', pp.demo) order by pp.post, pp.full_name), '[]')
				     from person pp where pp.unit_id = u.id and %5$s) as people,
				  exists (select 1 from succession_unit l where l.unit_id = u.id) as has_successions
				from unit u
				left join lateral (select * from unit_name n where n.unit_id = u.id
				  order by (case when %6$s then 0 else 1 end), n.valid_from desc nulls last limit 1) n on true
				left join lateral (select pn.name from unit_name pn where pn.unit_id = u.parent_id
				  order by (case when %7$s then 0 else 1 end), pn.valid_from desc nulls last limit 1) p on true
				where """.formatted(valid("b"), valid("cn"), valid("c"), valid("da"), valid("pp"), valid("n"), valid("pn"));

	private UnitDetails loadDetails(long unitId, LocalDate day) {
		List<UnitDetails> found = loadDetails("u.id = :id", day, spec -> spec.param("id", unitId));
		if (found.isEmpty()) {
			throw new NotFound("unit", unitId);
		}
		return found.getFirst();
	}

	/**
	 * The details of every unit of a jurisdiction valid on {@code day}, by id, in one statement (and one
	 * more per unit that took part in a succession): after a change to the registry, reading the
	 * units of a province one by one would cost a statement each.
	 */
	Map<Long, UnitDetails> detailsOfJurisdiction(String jurisdictionCode, LocalDate day) {
		Map<Long, UnitDetails> all = new HashMap<>(512);
		for (UnitDetails d : loadDetails("u.jurisdiction_code = :j and " + valid("u"), day,
				spec -> spec.param("j", jurisdictionCode))) {
			all.put(d.unit().id(), d);
		}
		return all;
	}

	private List<UnitDetails> loadDetails(String where, LocalDate day,
			java.util.function.UnaryOperator<JdbcClient.StatementSpec> params) {
		record Row(UnitDetails details, boolean hasSuccessions) {
		}
		List<Row> rows = params.apply(jdbc.sql(DETAILS + " " + where).param("day", day)).query((rs, i) -> {
			Long parentId = rs.getObject("parent_id", Long.class);
			UnitRow unit = new UnitRow(rs.getLong("id"), rs.getString("jurisdiction_code"),
					UnitType.valueOf(rs.getString("type")), parentId, rs.getString("name"), rs.getString("abbreviation"),
					rs.getString("name_en"), rs.getObject("valid_from", LocalDate.class),
					rs.getObject("valid_to", LocalDate.class), json.readValue(rs.getString("current_roles"), STRINGS));
			List<UnitRef> children = json.readValue(rs.getString("children"), UNIT_REFS).stream()
				.sorted(Comparator.comparing(UnitRef::name, VIETNAMESE))
				.toList();
			UnitRef parent = parentId == null ? null : new UnitRef(parentId, rs.getString("parent_name"));
			UnitDetails details = new UnitDetails(unit, day, Origin.valueOf(rs.getString("origin")), rs.getString("named_in"),
					rs.getString("email"), rs.getString("phone"), rs.getString("address"), rs.getString("website"), parent,
					children, json.readValue(rs.getString("names"), NAMES), json.readValue(rs.getString("aliases"), STRINGS),
					json.readValue(rs.getString("roles"), ROLES), json.readValue(rs.getString("duties"), DUTIES),
					json.readValue(rs.getString("people"), PEOPLE), List.of());
			return new Row(details, rs.getBoolean("has_successions"));
		}).list();
		List<UnitDetails> out = new ArrayList<>(rows.size());
		for (Row row : rows) {
			UnitDetails d = row.details();
			out.add(!row.hasSuccessions() ? d
					: new UnitDetails(d.unit(), d.asOf(), d.origin(), d.namedIn(), d.email(), d.phone(), d.address(),
							d.website(), d.parent(), d.children(), d.names(), d.aliases(), d.roles(), d.duties(), d.people(),
							successions(d.unit().id())));
		}
		return out;
	}

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};
	private static final TypeReference<List<UnitRef>> UNIT_REFS = new TypeReference<>() {
	};
	private static final TypeReference<List<NameRow>> NAMES = new TypeReference<>() {
	};
	private static final TypeReference<List<RoleRow>> ROLES = new TypeReference<>() {
	};
	private static final TypeReference<List<DutyRow>> DUTIES = new TypeReference<>() {
	};
	private static final TypeReference<List<PersonRow>> PEOPLE = new TypeReference<>() {
	};

	private List<SuccessionRow> successions(long unitId) {
		List<Long> ids = jdbc.sql("""
				select distinct s.id, s.effective_date from succession s join succession_unit l on l.succession_id = s.id
				where l.unit_id = ? order by s.effective_date, s.id""")
			.param(unitId)
			.query((rs, i) -> rs.getLong(1))
			.list();
		return ids.stream().map(this::succession).toList();
	}

	private SuccessionRow succession(long id) {
		record Head(long id, SuccessionKind kind, LocalDate effectiveDate, @Nullable String basis, @Nullable String note,
				boolean confirmed, @Nullable String source) {
		}
		Head head = jdbc.sql("select id, kind, effective_date, basis, note, confirmed, source from succession where id = ?")
			.param(id)
			.query(Head.class)
			.single();
		LocalDate before = head.effectiveDate().minusDays(1);
		record Link(long unitId, String side) {
		}
		List<UnitRef> from = new ArrayList<>();
		List<UnitRef> to = new ArrayList<>();
		for (Link link : jdbc.sql("select unit_id, side from succession_unit where succession_id = ? order by unit_id")
			.param(id)
			.query(Link.class)
			.list()) {
			boolean isFrom = "FROM".equals(link.side());
			LocalDate when = isFrom ? before : head.effectiveDate();
			UnitRef ref = unitOn(link.unitId(), when).map(u -> new UnitRef(u.id(), u.name()))
				.orElse(new UnitRef(link.unitId(), "#" + link.unitId()));
			(isFrom ? from : to).add(ref);
		}
		List<String> roles = jdbc.sql("select role_code from succession_role where succession_id = ? order by role_code")
			.param(id)
			.query(String.class)
			.list();
		return new SuccessionRow(head.id(), head.kind(), head.effectiveDate(), head.basis(), head.note(),
				head.confirmed(), head.source(), from, to, roles);
	}

	/** Who changed what about the unit, newest first (Envers revisions of the unit and its names, roles, duties, people). */
	public List<HistoryRow> history(long unitId) {
		return jdbc.sql("""
				select r.timestamp, coalesce(r.username, 'system') as username, h.record, h.revtype, h.summary from (
				  select rev, 'unit' as record, revtype, concat_ws(' · ', type, email, phone, address, website,
				    'hiệu lực ' || coalesce(to_char(valid_from, 'DD/MM/YYYY'), '…') || ' – ' || coalesce(to_char(valid_to, 'DD/MM/YYYY'), '…')) as summary
				  from unit_aud where id = :id
				  union all
				  select rev, 'name', revtype, concat_ws(' · ', name, abbreviation, name_en,
				    coalesce(to_char(valid_from, 'DD/MM/YYYY'), '…') || ' – ' || coalesce(to_char(valid_to, 'DD/MM/YYYY'), '…'))
				  from unit_name_aud where unit_id = :id
				  union all
				  select rev, 'role', revtype, concat_ws(' · ', role_code, basis,
				    coalesce(to_char(valid_from, 'DD/MM/YYYY'), '…') || ' – ' || coalesce(to_char(valid_to, 'DD/MM/YYYY'), '…'))
				  from role_binding_aud where unit_id = :id
				  union all
				  select a.rev, 'duty', a.revtype, concat_ws(' · ', d.document_number, 'Điều ' || d.article || coalesce(' khoản ' || d.clause, ''),
				    coalesce(to_char(a.valid_from, 'DD/MM/YYYY'), '…') || ' – ' || coalesce(to_char(a.valid_to, 'DD/MM/YYYY'), '…'))
				  from duty_assignment_aud a left join duty d on d.id = a.duty_id where a.unit_id = :id
				  union all
				  select rev, 'person', revtype, concat_ws(' · ', full_name, post, position_title, phone, email,
				    coalesce(to_char(valid_from, 'DD/MM/YYYY'), '…') || ' – ' || coalesce(to_char(valid_to, 'DD/MM/YYYY'), '…'))
				  from person_aud where unit_id = :id
				) h join revision r on r.id = h.rev
				order by r.id desc, h.record limit 500""")
			.param("id", unitId)
			.query((rs, i) -> new HistoryRow(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getInt(4), rs.getString(5)))
			.list();
	}

	public record PersonRef(long id, long unitId, String fullName, Post post, @Nullable String positionTitle,
			@Nullable String phone, @Nullable String email, @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
	}

	public PersonRef person(long id) {
		return jdbc.sql("select id, unit_id, full_name, post, position_title, phone, email, valid_from, valid_to from person where id = ?")
			.param(id)
			.query(PersonRef.class)
			.optional()
			.orElseThrow(() -> new NotFound("person", id));
	}

	// ---------------------------------------------------------------- roles

	public List<RoleView> roles() {
		return cache.get("roles", () -> List.copyOf(jdbc.sql("select code, name_vi, name_en, description_vi from regulation_role order by position")
			.query(RoleView.class)
			.list()));
	}

	/** Who holds which role in every jurisdiction on {@code day}: the role matrix. */
	public List<RoleHolder> roleHolders(LocalDate day) {
		return cache.get("roleHolders|" + day, () -> loadRoleHolders(day));
	}

	private List<RoleHolder> loadRoleHolders(LocalDate day) {
		return jdbc.sql("""
				select b.role_code, b.jurisdiction_code, u.id as unit_id, n.name as unit_name, b.basis, b.confirmed
				from role_binding b join unit u on u.id = b.unit_id
				join unit_name n on n.unit_id = u.id and %s
				where %s order by b.jurisdiction_code, b.role_code, n.name""".formatted(valid("n"), valid("b")))
			.param("day", day)
			.query(RoleHolder.class)
			.list();
	}

	/** The units holding {@code roleCode} in a jurisdiction on a day (the coordinating department, the foreign-reporter manager, …). */
	public List<UnitRef> holders(String jurisdictionCode, String roleCode, LocalDate day) {
		return jdbc.sql("""
				select u.id, n.name from role_binding b join unit u on u.id = b.unit_id
				join unit_name n on n.unit_id = u.id and %s
				where b.jurisdiction_code = :j and b.role_code = :role and %s order by n.name""".formatted(valid("n"), valid("b")))
			.param("j", jurisdictionCode)
			.param("role", roleCode)
			.param("day", day)
			.query(UnitRef.class)
			.list();
	}

	private List<String> rolesOf(long unitId, LocalDate day) {
		return jdbc.sql("select b.role_code from role_binding b join regulation_role r on r.code = b.role_code where b.unit_id = :id and %s order by r.position"
			.formatted(valid("b")))
			.param("id", unitId)
			.param("day", day)
			.query(String.class)
			.list();
	}

	private static List<String> splitRoles(@Nullable String roles) {
		return roles == null ? List.of() : Arrays.asList(roles.split(","));
	}

	// ---------------------------------------------------------------- coverage

	/** Types of unit that plan, report and name focal officers themselves (not classes of bodies, not the committee itself). */
	private static final String ACTING_UNIT = "u.type not in ('COLLECTIVE', 'PEOPLES_COMMITTEE', 'STEERING_COMMITTEE')";

	/** The ids of the units of a jurisdiction that act for themselves on {@code day}. */
	public List<Long> actingUnits(String jurisdictionCode, LocalDate day) {
		return jdbc.sql("select u.id from unit u where u.jurisdiction_code = :j and %s and %s order by u.id"
			.formatted(ACTING_UNIT, valid("u")))
			.param("j", jurisdictionCode)
			.param("day", day)
			.query(Long.class)
			.list();
	}

	/** Of the acting units on {@code day}, how many have a focal officer in post (000 Art. 27.2). */
	public Coverage focalOfficerCoverage(String jurisdictionCode, LocalDate day) {
		return jdbc.sql("""
				select count(*),
				  count(*) filter (where exists (select 1 from person p where p.unit_id = u.id and p.post = 'FOCAL_OFFICER' and %s))
				from unit u where u.jurisdiction_code = :j and %s and %s""".formatted(valid("p"), ACTING_UNIT, valid("u")))
			.param("j", jurisdictionCode)
			.param("day", day)
			.query((rs, i) -> new Coverage(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	public record Coverage(long units, long covered) {
	}

	// ---------------------------------------------------------------- counts

	public record Counts(long units, long duties, long people, long roles) {
	}

	public Counts counts(String jurisdictionCode, LocalDate day) {
		return jdbc.sql("""
				select
				 (select count(*) from unit u where u.jurisdiction_code = :j and %s),
				 (select count(*) from duty_assignment a join unit u on u.id = a.unit_id where u.jurisdiction_code = :j and %s),
				 (select count(*) from person p join unit u on u.id = p.unit_id where u.jurisdiction_code = :j and %s),
				 (select count(distinct b.role_code) from role_binding b where b.jurisdiction_code = :j and %s)"""
			.formatted(valid("u"), valid("a"), valid("p"), valid("b")))
			.param("j", jurisdictionCode)
			.param("day", day)
			.query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}
}
