package vn.ttdn.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.ttdn.planning.Schedule.Frequency;
import vn.ttdn.planning.Schedule.Kind;

/** The schedule phrases of plan appendices (003 appendix), understood without guessing. */
class ScheduleTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Trong năm 2023          | WITHIN | 2023-01-01 | 2023-12-31
			Trong năm               | WITHIN | 2023-01-01 | 2023-12-31
			Năm 2023                | WITHIN | 2023-01-01 | 2023-12-31
			Tháng 3/2023            | WITHIN | 2023-03-01 | 2023-03-31
			Tháng 01/2023           | WITHIN | 2023-01-01 | 2023-01-31
			tháng 5                 | WITHIN | 2023-05-01 | 2023-05-31
			Tháng 4-5/2023          | WITHIN | 2023-04-01 | 2023-05-31
			Từ tháng 3 đến tháng 6/2023 | WITHIN | 2023-03-01 | 2023-06-30
			Quý III/2023            | WITHIN | 2023-07-01 | 2023-09-30
			Quý I/2023              | WITHIN | 2023-01-01 | 2023-03-31
			Quý 4/2023              | WITHIN | 2023-10-01 | 2023-12-31
			Quý II - III/2023       | WITHIN | 2023-04-01 | 2023-09-30
			6 tháng đầu năm 2023    | WITHIN | 2023-01-01 | 2023-06-30
			6 tháng cuối năm        | WITHIN | 2023-07-01 | 2023-12-31
			Trước ngày 15/01/2024   | BEFORE | 2024-01-01 | 2024-01-14
			Ngày 13/4/2023          | WITHIN | 2023-04-13 | 2023-04-13
			Từ ngày 13/4 đến 15/4/2023 | WITHIN | 2023-04-13 | 2023-04-15
			Thường xuyên            | CONTINUOUS | 2023-01-01 | 2023-12-31
			Định kỳ hoặc đột xuất   | PERIODIC_OR_AD_HOC | 2023-01-01 | 2023-12-31
			""")
	void understandsDatedPhrases(String phrase, Kind kind, LocalDate start, LocalDate due) {
		Schedule schedule = Schedule.read(phrase, 2023);
		assertThat(schedule.phrase()).isEqualTo(phrase.strip());
		assertThat(schedule.kind()).isEqualTo(kind);
		assertThat(schedule.start()).isEqualTo(start);
		assertThat(schedule.due()).isEqualTo(due);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Hàng tháng         | MONTHLY   | 12
			Hằng tháng         | MONTHLY   | 12
			Định kỳ hàng tháng | MONTHLY   | 12
			Hàng quý           | QUARTERLY | 4
			Hàng năm           | YEARLY    | 1
			""")
	void understandsRecurrencesThroughThePlanYear(String phrase, Frequency frequency, int occurrences) {
		Schedule schedule = Schedule.read(phrase, 2023);
		assertThat(schedule.kind()).isEqualTo(Kind.RECURRING);
		assertThat(schedule.frequency()).isEqualTo(frequency);
		assertThat(schedule.occurrences()).hasSize(occurrences);
		assertThat(schedule.occurrences().getLast().due()).isEqualTo(LocalDate.of(2023, 12, 31));
	}

	@Test
	void aQuarterlyTaskFallsDueAtTheEndOfEachQuarter() {
		assertThat(Schedule.read("Hàng quý", 2023).occurrences()).extracting(Schedule.Occurrence::due)
			.containsExactly(LocalDate.of(2023, 3, 31), LocalDate.of(2023, 6, 30), LocalDate.of(2023, 9, 30),
					LocalDate.of(2023, 12, 31));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Khi Thành phố có chủ trương
			Tháng 13/2023
			31/2/2023
			Quý V/2023
			Tháng 6 - 3/2023
			""")
	void keepsWhatItDoesNotUnderstandWithoutGuessing(String phrase) {
		Schedule schedule = Schedule.read(phrase, 2023);
		assertThat(schedule.isUnderstood()).isFalse();
		assertThat(schedule.phrase()).isEqualTo(phrase);
		assertThat(schedule.start()).isNull();
		assertThat(schedule.due()).isNull();
	}

	@Test
	void onDemandHasNoDates() {
		assertThat(Schedule.read("Đột xuất", 2023).kind()).isEqualTo(Kind.ON_DEMAND);
		assertThat(Schedule.read("Khi có yêu cầu", 2023).occurrences()).isEmpty();
	}
}
