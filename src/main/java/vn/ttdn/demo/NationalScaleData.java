package vn.ttdn.demo;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ttdn.organization.JurisdictionKind;
import vn.ttdn.organization.Origin;
import vn.ttdn.organization.Post;
import vn.ttdn.organization.RegistryImport;
import vn.ttdn.organization.UnitType;
import vn.ttdn.shared.VietnameseText;

/**
 * Registry data at national scale for load tests (bench/): enough fictional provinces that 34 are
 * current, each with a People's Committee, about twenty departments, press agencies and district and
 * commune committees, so that there are about 5,000 units; one name per unit, the regulation roles
 * bound in every new province, and four people per new unit. Runs after the demonstration data and
 * only when {@code ttdn.bench.generate=true}; written with batched SQL in one transaction, once (a
 * marker row in {@code demo_dataset}). The generated units have origin {@code GENERATED}.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "ttdn.bench.generate", havingValue = "true")
class NationalScaleData implements ApplicationRunner {

	static final String DATASET = "national-scale";
	private static final Logger log = LoggerFactory.getLogger(NationalScaleData.class);

	private static final LocalDate FROM = LocalDate.of(2025, 7, 1);
	private static final String BASIS = "Dữ liệu sinh để đo hiệu năng (không phải văn bản thật)";
	private static final int BATCH = 1_000;

	/** Administrative codes of the provinces since 1 July 2025; those already in the registry are skipped. */
	private static final String[] CODES = { "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31",
			"33", "38", "40", "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "80", "82", "86", "91", "92",
			"96", "01", "37", "79" };
	private static final Set<String> CITIES = Set.of("01", "31", "46", "48", "79", "92");

	private record Body(String name, String abbreviation, String nameEn, UnitType type) {
	}

	/** The departments and agencies directly under a People's Committee; fixed names, as every province has them. */
	private static final List<Body> DEPARTMENTS = List.of(
			new Body("Văn phòng Ủy ban nhân dân", "VP UBND", "Office of the People's Committee", UnitType.COMMITTEE_OFFICE),
			new Body("Sở Ngoại vụ", "Sở NgV", "Department of Foreign Affairs", UnitType.DEPARTMENT),
			new Body("Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL", "Department of Culture, Sports and Tourism", UnitType.DEPARTMENT),
			new Body("Sở Khoa học và Công nghệ", "Sở KHCN", "Department of Science and Technology", UnitType.DEPARTMENT),
			new Body("Sở Tài chính", "Sở TC", "Department of Finance", UnitType.DEPARTMENT),
			new Body("Sở Nội vụ", "Sở NV", "Department of Home Affairs", UnitType.DEPARTMENT),
			new Body("Sở Công Thương", "Sở CT", "Department of Industry and Trade", UnitType.DEPARTMENT),
			new Body("Sở Xây dựng", "Sở XD", "Department of Construction", UnitType.DEPARTMENT),
			new Body("Sở Nông nghiệp và Môi trường", "Sở NNMT", "Department of Agriculture and Environment", UnitType.DEPARTMENT),
			new Body("Sở Giáo dục và Đào tạo", "Sở GDĐT", "Department of Education and Training", UnitType.DEPARTMENT),
			new Body("Sở Y tế", "Sở YT", "Department of Health", UnitType.DEPARTMENT),
			new Body("Sở Tư pháp", "Sở TP", "Department of Justice", UnitType.DEPARTMENT),
			new Body("Sở Dân tộc và Tôn giáo", "Sở DTTG", "Department of Ethnic and Religious Affairs", UnitType.DEPARTMENT),
			new Body("Thanh tra tỉnh", "TTr", "Provincial Inspectorate", UnitType.DEPARTMENT),
			new Body("Ban Quản lý các khu công nghiệp", "BQL KCN", "Industrial Zones Authority", UnitType.MANAGEMENT_BOARD),
			new Body("Công an tỉnh", "CA", "Provincial Police", UnitType.POLICE),
			new Body("Bộ Chỉ huy Quân sự tỉnh", "BCHQS", "Provincial Military Command", UnitType.ARMED_FORCES),
			new Body("Liên hiệp các tổ chức hữu nghị", "LHHN", "Union of Friendship Organisations", UnitType.MASS_ORGANISATION),
			new Body("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch", "TT XTĐT", "Investment, Trade and Tourism Promotion Centre", UnitType.PUBLIC_SERVICE_UNIT),
			new Body("Ban Quản lý cửa khẩu", "BQL CK", "Border Gate Management Board", UnitType.MANAGEMENT_BOARD));

	/** Which department (index in {@link #DEPARTMENTS}) holds each regulation role; roles not listed go to culture. */
	private static final Map<String, Integer> ROLE_HOLDER = Map.ofEntries(Map.entry("FOREIGN_INFO_LEAD", 2),
			Map.entry("FOREIGN_REPORTERS", 1), Map.entry("FOREIGN_PRESS_MONITORING", 1),
			Map.entry("INTERNATIONAL_PRESS_CONFERENCES", 1), Map.entry("FOREIGN_AFFAIRS", 1),
			Map.entry("FINANCE_APPRAISAL", 4), Map.entry("SECURITY_SECRETS", 15), Map.entry("STAFFING", 5),
			Map.entry("CULTURE_PROMOTION", 2), Map.entry("TOURISM_PROMOTION", 2), Map.entry("INVESTMENT_PROMOTION", 18),
			Map.entry("TRADE_PROMOTION", 6), Map.entry("PRESS_ORIENTATION", 2), Map.entry("PEOPLE_DIPLOMACY", 17),
			Map.entry("DEFENCE_INFORMATION", 16), Map.entry("INDUSTRIAL_ZONES_INFORMATION", 14),
			Map.entry("IMAGE_PROMOTION_DATABASE", 0), Map.entry("BORDER_GATE_INFORMATION", 19), Map.entry("TRAINING", 2));
	private static final int CULTURE = 2;
	private static final String PRESS_AGENCY_ROLE = "PRESS_AGENCY";

	/** Syllables of made-up place names. */
	private static final String[] FIRST = { "An", "Bình", "Cẩm", "Đông", "Gia", "Hòa", "Hưng", "Kim", "Long", "Minh",
			"Ngọc", "Phú", "Phước", "Quang", "Tân", "Thạnh", "Thuận", "Trung", "Vĩnh", "Xuân" };
	private static final String[] SECOND = { "Lạc", "Lợi", "Hiệp", "Điền", "Sơn", "Thành", "Mỹ", "Phong", "Hải", "Lộc",
			"Hà", "Khánh", "Tiến", "Yên", "Đức", "Thịnh", "Nguyên", "Hội", "Bắc", "Tây" };

	private static final String[] POST_TITLES = { "Chuyên viên", "Phó Giám đốc", "Giám đốc", "Chuyên viên" };
	private static final Post[] POSTS = { Post.FOCAL_OFFICER, Post.SPOKESPERSON, Post.LEADER, Post.OFFICER };

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transaction;
	private final RegistryImport registry;
	private final Clock clock;
	private final int jurisdictionTarget;
	private final int unitTarget;
	private final int peoplePerUnit;

	NationalScaleData(JdbcTemplate jdbc, TransactionTemplate transaction, RegistryImport registry, Clock clock,
			@Value("${ttdn.bench.jurisdictions:34}") int jurisdictionTarget,
			@Value("${ttdn.bench.units:5000}") int unitTarget,
			@Value("${ttdn.bench.people-per-unit:4}") int peoplePerUnit) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.registry = registry;
		this.clock = clock;
		this.jurisdictionTarget = jurisdictionTarget;
		this.unitTarget = unitTarget;
		this.peoplePerUnit = peoplePerUnit;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (isLoaded()) {
			log.info("National-scale benchmark data already present; not generated again");
			return;
		}
		long started = System.nanoTime();
		Totals totals = transaction.execute(status -> {
			Totals t = generate();
			registry.writtenInBulk();
			jdbc.update("insert into demo_dataset (name, loaded_at) values (?, ?)", DATASET,
					Timestamp.from(Instant.now(clock)));
			return t;
		});
		long generated = (System.nanoTime() - started) / 1_000_000;
		for (String table : List.of("jurisdiction", "unit", "unit_name", "role_binding", "person")) {
			jdbc.execute("analyze " + table);
		}
		long counted = (System.nanoTime() - started) / 1_000_000;
		Long units = jdbc.queryForObject("select count(*) from unit", Long.class);
		Long people = jdbc.queryForObject("select count(*) from person", Long.class);
		Long current = jdbc.queryForObject("select count(*) from jurisdiction where valid_to is null", Long.class);
		log.info("National-scale benchmark data generated in {} ms ({} ms with analyze): {} jurisdictions, {} units, "
				+ "{} role bindings, {} people added; now {} current jurisdictions, {} units, {} people",
				generated, counted, totals == null ? 0 : totals.jurisdictions(), totals == null ? 0 : totals.units(),
				totals == null ? 0 : totals.bindings(), totals == null ? 0 : totals.people(), current, units, people);
	}

	boolean isLoaded() {
		Long n = jdbc.queryForObject("select count(*) from demo_dataset where name = ?", Long.class, DATASET);
		return n != null && n > 0;
	}

	private record Totals(int jurisdictions, int units, int bindings, int people) {
	}

	/** One unit to insert; {@code parent} is an index into the same list, or -1. */
	private record UnitRow(long id, String jurisdiction, String key, UnitType type, int parent, String name,
			@Nullable String abbreviation, @Nullable String nameEn, @Nullable String email, @Nullable String phone) {
	}

	private record Binding(String role, String jurisdiction, long unitId) {
	}

	private record PersonRow(long unitId, String fullName, Post post, String title, String phone, String email) {
	}

	private Totals generate() {
		Set<String> existing = new HashSet<>(jdbc.queryForList("select code from jurisdiction", String.class));
		Long currentCount = jdbc.queryForObject("select count(*) from jurisdiction where valid_to is null", Long.class);
		int missing = Math.max(0, jurisdictionTarget - (currentCount == null ? 0 : currentCount.intValue()));
		List<String> codes = new ArrayList<>();
		for (String code : CODES) {
			if (codes.size() < missing && !existing.contains(code)) {
				codes.add(code);
			}
		}
		for (int n = 2; codes.size() < missing && n < 100; n++) {
			String code = "%02d".formatted(n);
			if (!existing.contains(code) && !codes.contains(code)) {
				codes.add(code);
			}
		}
		if (codes.isEmpty()) {
			log.warn("Already {} current jurisdictions; no national-scale data generated", currentCount);
			return new Totals(0, 0, 0, 0);
		}
		Long unitCount = jdbc.queryForObject("select count(*) from unit", Long.class);
		int newUnits = Math.max(codes.size() * (1 + DEPARTMENTS.size() + 3),
				unitTarget - (unitCount == null ? 0 : unitCount.intValue()));

		// jurisdictions
		List<Object[]> jurisdictions = new ArrayList<>();
		for (String code : codes) {
			boolean city = CITIES.contains(code);
			jurisdictions.add(new Object[] { code, (city ? "Thành phố Mẫu " : "Tỉnh Mẫu ") + code,
					(city ? "Sample City " : "Sample Province ") + code,
					(city ? JurisdictionKind.CENTRAL_CITY : JurisdictionKind.PROVINCE).name() });
		}
		jdbc.batchUpdate("""
				insert into jurisdiction (code, name, name_en, kind, valid_to, successor_code, succession_note)
				values (?, ?, ?, ?, null, null, null)""", jurisdictions);

		// units, with ids drawn from the column's own sequence so that parents can be set in the same insert
		List<Long> ids = jdbc.queryForList(
				"select nextval(pg_get_serial_sequence('unit', 'id')) from generate_series(1, ?)", Long.class, newUnits);
		List<UnitRow> units = new ArrayList<>(newUnits);
		List<Binding> bindings = new ArrayList<>();
		List<String> roles = jdbc.queryForList("select code from regulation_role order by position", String.class);
		int next = 0;
		for (int j = 0; j < codes.size(); j++) {
			String code = codes.get(j);
			int count = newUnits / codes.size() + (j < newUnits % codes.size() ? 1 : 0);
			next = jurisdictionUnits(j, code, count, ids, next, units, bindings, roles);
		}
		jdbc.batchUpdate("""
				insert into unit (id, jurisdiction_code, demo_key, type, parent_id, email, phone, address, website,
				  valid_from, valid_to, origin, named_in, version)
				values (?, ?, ?, ?, ?, ?, ?, null, null, ?, null, ?, null, 0)""", units, BATCH, (ps, u) -> {
			ps.setLong(1, u.id());
			ps.setString(2, u.jurisdiction());
			ps.setString(3, u.key());
			ps.setString(4, u.type().name());
			if (u.parent() < 0) {
				ps.setNull(5, Types.BIGINT);
			}
			else {
				ps.setLong(5, units.get(u.parent()).id());
			}
			setString(ps, 6, u.email());
			setString(ps, 7, u.phone());
			ps.setDate(8, Date.valueOf(FROM));
			ps.setString(9, Origin.GENERATED.name());
		});
		jdbc.batchUpdate("""
				insert into unit_name (unit_id, name, abbreviation, name_en, search_key, valid_from, valid_to)
				values (?, ?, ?, ?, ?, ?, null)""", units, BATCH, (ps, u) -> {
			ps.setLong(1, u.id());
			ps.setString(2, u.name());
			setString(ps, 3, u.abbreviation());
			setString(ps, 4, u.nameEn());
			ps.setString(5, VietnameseText.fold(u.name()));
			ps.setDate(6, Date.valueOf(FROM));
		});
		jdbc.batchUpdate("""
				insert into role_binding (role_code, jurisdiction_code, unit_id, valid_from, valid_to, basis, confirmed)
				values (?, ?, ?, ?, null, ?, true)""", bindings, BATCH, (ps, b) -> {
			ps.setString(1, b.role());
			ps.setString(2, b.jurisdiction());
			ps.setLong(3, b.unitId());
			ps.setDate(4, Date.valueOf(FROM));
			ps.setString(5, BASIS);
		});

		// people: a focal officer, a spokesperson, a leader and an officer per unit (fictional names)
		List<PersonRow> people = new ArrayList<>(units.size() * peoplePerUnit);
		int i = 0;
		for (UnitRow u : units) {
			for (int p = 0; p < peoplePerUnit; p++, i++) {
				int post = p % POSTS.length;
				people.add(new PersonRow(u.id(), DemoNames.person(i * 31 + p), POSTS[post], POST_TITLES[post],
						DemoNames.phone(i), "canbo" + i + "." + u.jurisdiction() + "@ttdn.example"));
			}
		}
		jdbc.batchUpdate("""
				insert into person (unit_id, full_name, post, position_title, phone, email, valid_from, valid_to, demo, version)
				values (?, ?, ?, ?, ?, ?, ?, null, true, 0)""", people, BATCH, (ps, p) -> {
			ps.setLong(1, p.unitId());
			ps.setString(2, p.fullName());
			ps.setString(3, p.post().name());
			ps.setString(4, p.title());
			ps.setString(5, p.phone());
			ps.setString(6, p.email());
			ps.setDate(7, Date.valueOf(FROM));
		});
		return new Totals(codes.size(), units.size(), bindings.size(), people.size());
	}

	/** The units of one new jurisdiction: committee, departments, press agencies, districts, communes. */
	private static int jurisdictionUnits(int j, String code, int count, List<Long> ids, int next, List<UnitRow> units,
			List<Binding> bindings, List<String> roles) {
		// Inside a unit name the kind of place is written in lower case: "Ủy ban nhân dân tỉnh Mẫu 04".
		String place = (CITIES.contains(code) ? "thành phố Mẫu " : "tỉnh Mẫu ") + code;
		String placeEn = (CITIES.contains(code) ? "Sample City " : "Sample Province ") + code;
		String mail = "@mau" + code + ".ttdn.example";
		int seq = 0;
		int committee = units.size();
		units.add(new UnitRow(ids.get(next++), code, key(code, seq++), UnitType.PEOPLES_COMMITTEE, -1,
				"Ủy ban nhân dân " + place, "UBND", "People's Committee of " + placeEn, "ubnd" + mail,
				phone(j, 0)));
		int firstDepartment = units.size();
		for (Body body : DEPARTMENTS) {
			if (seq >= count) {
				break;
			}
			units.add(new UnitRow(ids.get(next++), code, key(code, seq), body.type(), committee,
					body.name().replace(" tỉnh", CITIES.contains(code) ? " thành phố" : " tỉnh"), body.abbreviation(),
					body.nameEn(), "donvi" + seq + mail, phone(j, seq)));
			seq++;
		}
		List<Integer> press = new ArrayList<>();
		String[][] agencies = { { "Báo ", "Newspaper of " }, { "Đài Phát thanh và Truyền hình ", "Radio and Television of " },
				{ "Cổng Thông tin điện tử ", "Web Portal of " } };
		for (String[] agency : agencies) {
			if (seq >= count) {
				break;
			}
			press.add(units.size());
			units.add(new UnitRow(ids.get(next++), code, key(code, seq), UnitType.PRESS_AGENCY, committee,
					agency[0] + place, null, agency[1] + placeEn, "baochi" + seq + mail, phone(j, seq)));
			seq++;
		}
		int rest = count - seq;
		int districts = Math.min(10, Math.max(0, rest / 12));
		List<Integer> districtIndexes = new ArrayList<>();
		for (int d = 0; d < districts; d++) {
			String name = FIRST[(d * 7 + j) % FIRST.length] + " " + SECOND[(d * 3 + j) % SECOND.length];
			districtIndexes.add(units.size());
			units.add(new UnitRow(ids.get(next++), code, key(code, seq), UnitType.DISTRICT_COMMITTEE, committee,
					"Ủy ban nhân dân huyện " + name, null, "People's Committee of " + ascii(name) + " District",
					"huyen" + d + mail, phone(j, seq)));
			seq++;
		}
		for (int c = 0; seq < count; c++) {
			String name = FIRST[c % FIRST.length] + " " + SECOND[(c / FIRST.length + j) % SECOND.length]
					+ (c >= FIRST.length * SECOND.length ? " " + (c / (FIRST.length * SECOND.length) + 1) : "");
			boolean ward = c % 4 == 0;
			int parent = districtIndexes.isEmpty() ? committee : districtIndexes.get(c % districtIndexes.size());
			units.add(new UnitRow(ids.get(next++), code, key(code, seq), UnitType.COMMUNE_COMMITTEE, parent,
					"Ủy ban nhân dân " + (ward ? "phường " : "xã ") + name, null,
					"People's Committee of " + ascii(name) + (ward ? " Ward" : " Commune"), null, null));
			seq++;
		}
		for (String role : roles) {
			if (PRESS_AGENCY_ROLE.equals(role) && !press.isEmpty()) {
				press.forEach(p -> bindings.add(new Binding(role, code, units.get(p).id())));
				continue;
			}
			int index = firstDepartment + ROLE_HOLDER.getOrDefault(role, CULTURE);
			bindings.add(new Binding(role, code, units.get(index < units.size() ? index : committee).id()));
		}
		return next;
	}

	/** "Phước Lộc" as "Phuoc Loc". */
	private static String ascii(String name) {
		StringBuilder sb = new StringBuilder();
		for (String word : VietnameseText.fold(name).split(" ")) {
			if (!sb.isEmpty()) {
				sb.append(' ');
			}
			sb.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
		}
		return sb.toString();
	}

	private static String key(String code, int seq) {
		return "gen-" + code + "-" + seq;
	}

	private static String phone(int j, int seq) {
		return "0900 %03d %03d".formatted(100 + j, seq % 1000);
	}

	private static void setString(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.VARCHAR);
		}
		else {
			ps.setString(index, value);
		}
	}
}
