package vn.ttdn.regulation;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A reporting obligation as a regulation states it. "Trước ngày 20/11" is stored as the day and
 * month named; the submission must arrive before that day, so the last on-time day is the day
 * before (DOMAIN §4; 000 Art. 28.3, 002 Art. 5, 004 Art. 22.2).
 */
public record ReportingRule(long id, String jurisdictionCode, String documentNumber, ReportKind kind, Coverage covers,
		@Nullable Integer dueBeforeDay, @Nullable Integer dueBeforeMonth, String submitters, String collectorRole,
		List<String> recipients, @Nullable String form, String articleRef, String quote, @Nullable String note) {

	/** The obligation falling in {@code year}; without a fixed day (ad-hoc, or "hằng năm") it has no dates. */
	public Deadline deadlineIn(int year) {
		LocalDate dueBefore = dueBeforeDay == null || dueBeforeMonth == null ? null
				: LocalDate.of(year, dueBeforeMonth, dueBeforeDay);
		return new Deadline(kind, covers, year, dueBefore, dueBefore == null ? null : dueBefore.minusDays(1),
				submitters, collectorRole, recipients, form, documentNumber, articleRef, quote, note);
	}
}
