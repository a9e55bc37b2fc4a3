package vn.ttdn.organization;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.shared.VietnameseText;

/**
 * Finds the registry unit a document means by a name as officials write it: with or without
 * diacritics, in any case, abbreviated ("Sở TTTT", "UBND Thành phố", "BQL các KCN"), with or
 * without the jurisdiction's name, or followed by its parent ("… – Sở Thông tin và Truyền thông").
 * A name that matches no unit, or several, is left unmatched for
 * the user to map: a wrong link is worse than none.
 */
@Component
@Transactional(readOnly = true)
public class UnitMatcher {

	/** Abbreviations used in documents, folded, with what they stand for. */
	private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(Map.entry("ubnd", "uy ban nhan dan"),
			Map.entry("hdnd", "hoi dong nhan dan"), Map.entry("tp", "thanh pho"), Map.entry("tw", "trung uong"),
			Map.entry("tttt", "thong tin va truyen thong"), Map.entry("tt&tt", "thong tin va truyen thong"),
			Map.entry("ttdn", "thong tin doi ngoai"), Map.entry("vhtt", "van hoa va the thao"),
			Map.entry("vhttdl", "van hoa the thao va du lich"), Map.entry("kh&dt", "ke hoach va dau tu"),
			Map.entry("khdt", "ke hoach va dau tu"), Map.entry("khcn", "khoa hoc va cong nghe"),
			Map.entry("kh&cn", "khoa hoc va cong nghe"), Map.entry("bql", "ban quan ly"),
			Map.entry("kcn", "khu cong nghiep"), Map.entry("ldtbxh", "lao dong thuong binh va xa hoi"),
			Map.entry("gd&dt", "giao duc va dao tao"), Map.entry("gddt", "giao duc va dao tao"),
			Map.entry("vpub", "van phong uy ban nhan dan"), Map.entry("mttq", "mat tran to quoc"),
			Map.entry("bchqs", "bo chi huy quan su"), Map.entry("pt-th", "phat thanh truyen hinh"),
			Map.entry("ptth", "phat thanh truyen hinh"), Map.entry("s.", "so"));

	private static final Pattern PUNCTUATION = Pattern.compile("[\"“”'‘’()\\[\\].,;:–-]+");
	private static final Set<String> FILLER = Set.of("va", "cac");
	/** "Trung tâm Báo chí Thủ đô Hà Nội – Sở Thông tin và Truyền thông", "Trung tâm …, thuộc Sở …": a unit named with its parent. */
	private static final Pattern WITH_PARENT = Pattern.compile("(.+?)(?:\\s+[–-]\\s+|,?\\s+thuộc\\s+)(?:Sở|UBND|Ủy ban|Ban|Văn phòng).*");

	private final JdbcClient jdbc;

	UnitMatcher(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Match(String text, @Nullable Long unitId, @Nullable String unitName) {
		public boolean matched() {
			return unitId != null;
		}
	}

	/** A matcher over the units of a jurisdiction that exist on {@code day}, for matching many names at once. */
	public Function<String, Match> forJurisdiction(String jurisdictionCode, LocalDate day) {
		record Row(long id, String name, @Nullable String abbreviation, @Nullable String alias, String jurisdictionName) {
		}
		List<Row> rows = jdbc.sql("""
				select u.id, n.name, n.abbreviation, a.alias, j.name as jurisdiction_name
				from unit u join jurisdiction j on j.code = u.jurisdiction_code
				join unit_name n on n.unit_id = u.id
				  and (n.valid_from is null or n.valid_from <= :day) and (n.valid_to is null or n.valid_to >= :day)
				left join unit_alias a on a.unit_id = u.id
				where u.jurisdiction_code = :j
				  and (u.valid_from is null or u.valid_from <= :day) and (u.valid_to is null or u.valid_to >= :day)""")
			.param("j", jurisdictionCode)
			.param("day", day)
			.query(Row.class)
			.list();
		String place = rows.isEmpty() ? "" : placeOf(rows.getFirst().jurisdictionName());
		Map<String, Long> byKey = new HashMap<>();
		Map<Long, String> names = new LinkedHashMap<>();
		Set<String> ambiguous = new java.util.HashSet<>();
		for (Row row : rows) {
			names.put(row.id(), row.name());
			for (String text : new String[] { row.name(), row.abbreviation(), row.alias() }) {
				if (text == null) {
					continue;
				}
				String key = key(text, place);
				Long previous = byKey.putIfAbsent(key, row.id());
				if (previous != null && previous != row.id()) {
					ambiguous.add(key);
				}
			}
		}
		ambiguous.forEach(byKey::remove);
		return text -> {
			Long id = null;
			if (text != null) {
				id = byKey.get(key(text, place));
				var parent = WITH_PARENT.matcher(text);
				if (id == null && parent.matches()) {
					id = byKey.get(key(parent.group(1), place));
				}
			}
			return new Match(text == null ? "" : VietnameseText.clean(text), id, id == null ? null : names.get(id));
		};
	}

	/** "Thành phố Hà Nội" → "ha noi"; "Tỉnh Hà Nam" → "ha nam". */
	private static String placeOf(String jurisdictionName) {
		return VietnameseText.fold(jurisdictionName).replaceFirst("^(thanh pho|tinh) ", "");
	}

	/**
	 * The comparison key of a name: folded, abbreviations expanded, punctuation and "và"/"các"
	 * dropped, and the jurisdiction's name at the end removed ("Sở Tài chính Hà Nội" = "Sở Tài chính").
	 */
	static String key(String text, String place) {
		String folded = VietnameseText.fold(text).replace("&", "&");
		StringBuilder out = new StringBuilder();
		for (String token : folded.split(" ")) {
			String expanded = ABBREVIATIONS.getOrDefault(token, token);
			for (String word : PUNCTUATION.matcher(expanded).replaceAll(" ").trim().split("\\s+")) {
				if (!word.isEmpty() && !FILLER.contains(word)) {
					out.append(word).append(' ');
				}
			}
		}
		String key = out.toString().trim();
		for (String suffix : new String[] { " thanh pho " + place, " tinh " + place, " " + place }) {
			String bare = suffix.replace(" va ", " ");
			if (!place.isEmpty() && key.endsWith(bare) && key.length() > bare.length()) {
				return key.substring(0, key.length() - bare.length());
			}
		}
		return key;
	}
}
