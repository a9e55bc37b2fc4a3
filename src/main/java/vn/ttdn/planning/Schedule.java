package vn.ttdn.planning;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.VietnameseText;

/**
 * When a task is to be done, as officials write it in a plan's appendix ("Trong năm 2023",
 * "Tháng 3/2023", "Quý III/2023", "Hàng quý", "Thường xuyên", "Định kỳ hoặc đột xuất", …),
 * understood into dated periods or a recurrence. The phrase is always kept as written; a phrase
 * that is not understood is {@link Kind#UNKNOWN} and has no dates, never a guess.
 */
public record Schedule(String phrase, Kind kind, @Nullable LocalDate start, @Nullable LocalDate due,
		@Nullable Frequency frequency) {

	public enum Kind {
		/** To be done within a period (a year, a half, a quarter, months, days). */
		WITHIN,
		/** To be done before a day ("Trước ngày 15/01/2023"): {@code due} is the last day on time. */
		BEFORE,
		/** Repeated at a frequency through the plan's year. */
		RECURRING,
		/** Done continuously through the plan's year ("Thường xuyên"). */
		CONTINUOUS,
		/** Regularly and whenever needed ("Định kỳ hoặc đột xuất"). */
		PERIODIC_OR_AD_HOC,
		/** Whenever needed ("Đột xuất", "Khi có yêu cầu"). */
		ON_DEMAND,
		/** Not understood; shown as written. */
		UNKNOWN
	}

	public enum Frequency {
		WEEKLY, MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY
	}

	public boolean isUnderstood() {
		return kind != Kind.UNKNOWN;
	}

	/** The periods in which the task falls due in its year, each ending on a due day. */
	public List<Occurrence> occurrences() {
		if (start == null || due == null) {
			return List.of();
		}
		if (kind != Kind.RECURRING || frequency == null) {
			return List.of(new Occurrence(start, due));
		}
		int months = switch (frequency) {
			case WEEKLY, MONTHLY -> 1;
			case QUARTERLY -> 3;
			case HALF_YEARLY -> 6;
			case YEARLY -> 12;
		};
		List<Occurrence> list = new ArrayList<>();
		for (LocalDate from = start; !from.isAfter(due); from = from.plusMonths(months)) {
			list.add(new Occurrence(from, from.plusMonths(months).minusDays(1)));
		}
		return list;
	}

	public record Occurrence(LocalDate start, LocalDate due) {
	}

	// ---------------------------------------------------------------- reading

	private static final Map<String, Integer> ROMAN = Map.of("i", 1, "ii", 2, "iii", 3, "iv", 4);
	private static final String YEAR = "(?:\\s*/\\s*|\\s+nam\\s+)(\\d{4})";
	private static final Pattern WHOLE_YEAR = Pattern.compile("(?:trong |ca )?nam(?: (\\d{4}))?");
	private static final Pattern MONTH = Pattern.compile("(?:trong )?thang (\\d{1,2})(?:" + YEAR + ")?");
	private static final Pattern MONTHS = Pattern.compile(
			"(?:tu )?thang (\\d{1,2})(?:" + YEAR + ")?\\s*(?:-|den|va|,)\\s*(?:thang )?(\\d{1,2})(?:" + YEAR + ")?");
	private static final Pattern QUARTER = Pattern.compile("(?:trong )?quy (i{1,3}|iv|[1-4])(?:" + YEAR + ")?");
	private static final Pattern QUARTERS = Pattern.compile(
			"(?:tu )?quy (i{1,3}|iv|[1-4])\\s*(?:-|den|va|,)\\s*(?:quy )?(i{1,3}|iv|[1-4])(?:" + YEAR + ")?");
	private static final Pattern HALF = Pattern.compile("(?:trong )?6 thang (dau|cuoi) nam(?: (\\d{4}))?");
	private static final Pattern BEFORE = Pattern.compile("truoc ngay (\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?");
	private static final Pattern DAY = Pattern.compile("(?:ngay )?(\\d{1,2})/(\\d{1,2})/(\\d{4})");
	private static final Pattern DAYS = Pattern.compile(
			"(?:tu )?(?:ngay )?(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?\\s*(?:-|den)\\s*(?:ngay )?(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?");
	private static final Pattern RECURRING = Pattern.compile(
			"(?:dinh ky )?(?:hang|hằng) (tuan|thang|quy|nam)|dinh ky (6 thang|hang nam)");

	/**
	 * Reads {@code phrase} in the context of the plan's {@code year} (used where the phrase names no
	 * year, as in "Trong năm" or "Hàng quý").
	 */
	public static Schedule read(@Nullable String phrase, int year) {
		String written = phrase == null ? "" : VietnameseText.clean(phrase);
		String s = VietnameseText.fold(written).replaceAll("[.;:]+$", "").trim();
		Matcher m;
		try {
			if (s.isEmpty()) {
				return unknown(written);
			}
			if ((m = WHOLE_YEAR.matcher(s)).matches()) {
				int y = yearOr(m.group(1), year);
				return within(written, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
			}
			if ((m = MONTH.matcher(s)).matches()) {
				YearMonth month = YearMonth.of(yearOr(m.group(2), year), Integer.parseInt(m.group(1)));
				return within(written, month.atDay(1), month.atEndOfMonth());
			}
			if ((m = MONTHS.matcher(s)).matches()) {
				int y = yearOr(m.group(4) != null ? m.group(4) : m.group(2), year);
				YearMonth from = YearMonth.of(yearOr(m.group(2), y), Integer.parseInt(m.group(1)));
				YearMonth to = YearMonth.of(y, Integer.parseInt(m.group(3)));
				return to.isBefore(from) ? unknown(written) : within(written, from.atDay(1), to.atEndOfMonth());
			}
			if ((m = QUARTER.matcher(s)).matches()) {
				int q = quarter(m.group(1));
				int y = yearOr(m.group(2), year);
				return within(written, LocalDate.of(y, 3 * q - 2, 1), YearMonth.of(y, 3 * q).atEndOfMonth());
			}
			if ((m = QUARTERS.matcher(s)).matches()) {
				int from = quarter(m.group(1));
				int to = quarter(m.group(2));
				int y = yearOr(m.group(3), year);
				return to < from ? unknown(written)
						: within(written, LocalDate.of(y, 3 * from - 2, 1), YearMonth.of(y, 3 * to).atEndOfMonth());
			}
			if ((m = HALF.matcher(s)).matches()) {
				int y = yearOr(m.group(2), year);
				return "dau".equals(m.group(1)) ? within(written, LocalDate.of(y, 1, 1), LocalDate.of(y, 6, 30))
						: within(written, LocalDate.of(y, 7, 1), LocalDate.of(y, 12, 31));
			}
			if ((m = BEFORE.matcher(s)).matches()) {
				int y = yearOr(m.group(3), year);
				LocalDate before = LocalDate.of(y, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
				return new Schedule(written, Kind.BEFORE, LocalDate.of(y, 1, 1), before.minusDays(1), null);
			}
			if ((m = DAY.matcher(s)).matches()) {
				LocalDate day = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(1)));
				return within(written, day, day);
			}
			if ((m = DAYS.matcher(s)).matches()) {
				int y = yearOr(m.group(6) != null ? m.group(6) : m.group(3), year);
				LocalDate from = LocalDate.of(yearOr(m.group(3), y), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(1)));
				LocalDate to = LocalDate.of(y, Integer.parseInt(m.group(5)), Integer.parseInt(m.group(4)));
				return to.isBefore(from) ? unknown(written) : within(written, from, to);
			}
			if ((m = RECURRING.matcher(s)).matches()) {
				String unit = m.group(1) != null ? m.group(1) : m.group(2);
				Frequency f = switch (unit) {
					case "tuan" -> Frequency.WEEKLY;
					case "thang" -> Frequency.MONTHLY;
					case "quy" -> Frequency.QUARTERLY;
					case "6 thang" -> Frequency.HALF_YEARLY;
					default -> Frequency.YEARLY;
				};
				return new Schedule(written, Kind.RECURRING, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), f);
			}
			if (s.matches("thuong xuyen(?: trong nam)?(?: \\d{4})?|lien tuc")) {
				return new Schedule(written, Kind.CONTINUOUS, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null);
			}
			if (s.matches("dinh ky (?:hoac|va) dot xuat|dot xuat (?:hoac|va) dinh ky")) {
				return new Schedule(written, Kind.PERIODIC_OR_AD_HOC, LocalDate.of(year, 1, 1),
						LocalDate.of(year, 12, 31), null);
			}
			if (s.matches("dot xuat|khi co yeu cau|theo yeu cau")) {
				return new Schedule(written, Kind.ON_DEMAND, null, null, null);
			}
		}
		catch (java.time.DateTimeException e) {
			// "Tháng 13/2023", "31/2/2023": a date that does not exist is not understood.
		}
		return unknown(written);
	}

	private static Schedule within(String phrase, LocalDate start, LocalDate due) {
		return new Schedule(phrase, Kind.WITHIN, start, due, null);
	}

	private static Schedule unknown(String phrase) {
		return new Schedule(phrase, Kind.UNKNOWN, null, null, null);
	}

	private static int yearOr(@Nullable String written, int year) {
		return written == null ? year : Integer.parseInt(written);
	}

	private static int quarter(String written) {
		Integer roman = ROMAN.get(written);
		return roman != null ? roman : Integer.parseInt(written);
	}
}
