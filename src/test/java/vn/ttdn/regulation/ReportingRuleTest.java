package vn.ttdn.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReportingRuleTest {

	private static ReportingRule rule(Integer day, Integer month) {
		return new ReportingRule(1, "35", "28/2018/QĐ-UBND", ReportKind.ANNUAL_REPORT, Coverage.YEAR, day, month,
				"Các Sở, ngành, địa phương", "FOREIGN_INFO_LEAD", List.of("Ủy ban nhân dân tỉnh"), null, "Điều 5", "…", null);
	}

	/** "trước ngày 20 tháng 11" (002 Art. 5): due before the 20th, so the 19th is the last day on time. */
	@Test
	void dueBeforeTheDayNamedSoTheDayBeforeIsTheLastOnTime() {
		Deadline deadline = rule(20, 11).deadlineIn(2026);
		assertThat(deadline.dueBefore()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(deadline.lastOnTimeDay()).isEqualTo(LocalDate.of(2026, 11, 19));
	}

	@Test
	void aDeadlineInJanuaryEndsOnTheFourteenth() {
		assertThat(rule(15, 1).deadlineIn(2027).lastOnTimeDay()).isEqualTo(LocalDate.of(2027, 1, 14));
	}

	@Test
	void anObligationWithoutADayHasNoDates() {
		Deadline deadline = rule(null, null).deadlineIn(2026);
		assertThat(deadline.dueBefore()).isNull();
		assertThat(deadline.lastOnTimeDay()).isNull();
	}
}
