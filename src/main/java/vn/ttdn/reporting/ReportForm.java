package vn.ttdn.reporting;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.UserError;

/**
 * A report form as data: numeric indicators (some prefilled from the system's records, named by
 * {@code source}) and narrative sections. A jurisdiction's administrator saves new versions; a
 * period keeps the version it was opened with.
 */
public record ReportForm(String title, List<Indicator> indicators, List<Section> sections) {

	public record Indicator(String code, String label, @Nullable String labelEn, String unit, @Nullable String source,
			@Nullable Boolean money) {

		/** An amount in VND, shown as "106.972.000.000". */
		public boolean isMoney() {
			return Boolean.TRUE.equals(money);
		}
	}

	public record Section(String code, String title, @Nullable String titleEn) {
	}

	static final int MAX_ITEMS = 100;

	/** Checks what an administrator wrote before it is saved: codes present, unique, and a bounded size. */
	ReportForm validated() {
		if (title == null || title.isBlank() || indicators == null || sections == null || sections.isEmpty()
				|| indicators.size() + sections.size() > MAX_ITEMS) {
			throw new UserError("error.form.invalid");
		}
		Set<String> codes = new HashSet<>();
		for (Indicator i : indicators) {
			if (i == null || !valid(i.code()) || i.label() == null || i.label().isBlank() || !codes.add(i.code())
					|| (i.source() != null && !Prefill.SOURCES.contains(i.source()))) {
				throw new UserError("error.form.invalid");
			}
		}
		for (Section s : sections) {
			if (s == null || !valid(s.code()) || s.title() == null || s.title().isBlank() || !codes.add(s.code())) {
				throw new UserError("error.form.invalid");
			}
		}
		return this;
	}

	private static boolean valid(@Nullable String code) {
		return code != null && code.matches("[A-Za-z][A-Za-z0-9]{0,59}");
	}
}
