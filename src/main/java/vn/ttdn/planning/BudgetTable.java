package vn.ttdn.planning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.Vnd;

/**
 * A budget estimate table (biểu khái toán) exactly as the document prints it, with the sums
 * computed from its lines beside every subtotal and total it states, and each place where the two
 * disagree. What the document says is never changed (DOMAIN §4: "show the disagreement; never
 * silently correct it").
 */
public record BudgetTable(String unit, long multiplier, List<Column> columns, List<Section> sections,
		Map<String, @Nullable String> statedTotal, Map<String, BigDecimal> computedTotal,
		@Nullable String totalInWordsAsPrinted, List<Disagreement> disagreements, @Nullable String statedTotalDong,
		@Nullable String statedTotalInWords, String computedTotalDong, String computedTotalInWords) {

	/** The key of the row total, summed over the phase columns. */
	public static final String TOTAL = "total";

	public record Column(String key, String label) {
	}

	public record Line(long id, @Nullable String number, String content, Map<String, @Nullable String> amounts,
			@Nullable String implementingUnit, @Nullable Long implementingUnitId, @Nullable String fundingSource) {
	}

	public record Section(String code, String title, @Nullable Map<String, @Nullable String> statedSubtotal,
			Map<String, BigDecimal> computedSubtotal, List<Line> lines) {
	}

	/** A stated sum that is not the sum of what it sums. */
	public record Disagreement(String where, String column, String stated, String computed) {
	}

	/** Builds the table, computing every sum and comparing it with what is printed. */
	static BudgetTable of(String unit, List<Column> columns, List<SectionRows> rows, Map<String, @Nullable String> statedTotal,
			@Nullable String totalInWords) {
		List<String> keys = columns.stream().map(Column::key).toList();
		List<Section> sections = new ArrayList<>();
		List<Disagreement> disagreements = new ArrayList<>();
		Map<String, BigDecimal> grand = zero(keys);
		for (SectionRows s : rows) {
			Map<String, BigDecimal> subtotal = zero(keys);
			for (Line line : s.lines()) {
				for (String key : keys) {
					BigDecimal value = Vnd.parse(line.amounts().get(key));
					if (value != null) {
						subtotal.merge(key, value, BigDecimal::add);
					}
				}
			}
			subtotal.put(TOTAL, keys.stream().map(subtotal::get).reduce(BigDecimal.ZERO, BigDecimal::add));
			compare("Mục " + s.code(), s.statedSubtotal(), subtotal, columns, disagreements);
			keys.forEach(k -> grand.merge(k, subtotal.get(k), BigDecimal::add));
			sections.add(new Section(s.code(), s.title(), s.statedSubtotal(), subtotal, s.lines()));
		}
		grand.put(TOTAL, keys.stream().map(grand::get).reduce(BigDecimal.ZERO, BigDecimal::add));
		compare("Tổng cộng", statedTotal, grand, columns, disagreements);
		long multiplier = multiplierOf(unit);
		BigDecimal stated = Vnd.parse(statedTotal.get(TOTAL));
		BigDecimal statedDong = stated == null ? null : Vnd.toDong(stated, multiplier);
		BigDecimal computedDong = Vnd.toDong(grand.get(TOTAL), multiplier);
		return new BudgetTable(unit, multiplier, columns, sections, statedTotal, grand, totalInWords, disagreements,
				statedDong == null ? null : Vnd.format(statedDong), statedDong == null ? null : Vnd.inWords(statedDong),
				Vnd.format(computedDong), Vnd.inWords(computedDong));
	}

	record SectionRows(String code, String title, @Nullable Map<String, @Nullable String> statedSubtotal, List<Line> lines) {
	}

	private static void compare(String where, @Nullable Map<String, @Nullable String> stated,
			Map<String, BigDecimal> computed, List<Column> columns, List<Disagreement> out) {
		if (stated == null) {
			return;
		}
		List<Column> all = new ArrayList<>(columns);
		all.add(new Column(TOTAL, "Tổng"));
		for (Column column : all) {
			if (disagrees(stated, computed, column.key())) {
				out.add(new Disagreement(where, column.label(), Objects.requireNonNull(stated.get(column.key())),
						Vnd.printDecimal(computed.get(column.key()))));
			}
		}
	}

	/** The document prints a sum in this column and it is not the sum of its lines. */
	static boolean disagrees(@Nullable Map<String, @Nullable String> stated, Map<String, BigDecimal> computed, String key) {
		BigDecimal printed = stated == null ? null : Vnd.parse(stated.get(key));
		return printed != null && printed.compareTo(computed.get(key)) != 0;
	}

	private static Map<String, BigDecimal> zero(List<String> keys) {
		Map<String, BigDecimal> map = new LinkedHashMap<>();
		keys.forEach(k -> map.put(k, BigDecimal.ZERO));
		return map;
	}

	/** "Tỷ đồng" → 10⁹, "Triệu đồng" → 10⁶, otherwise đồng. */
	static long multiplierOf(String unit) {
		String folded = vn.ttdn.shared.VietnameseText.fold(unit);
		return folded.startsWith("ty") ? 1_000_000_000L : folded.startsWith("trieu") ? 1_000_000L : 1L;
	}
}
