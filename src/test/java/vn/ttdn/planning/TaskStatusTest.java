package vn.ttdn.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The status a roll-up counts from the facts kept with each task is the status the task page
 * shows: for every schedule phrase of the 2023 appendix kind, any records and any day.
 */
class TaskStatusTest {

	static final List<String> PHRASES = List.of("Trong năm 2023", "Tháng 3/2023", "Quý III/2023", "Hàng tháng", "Hàng quý",
			"6 tháng/lần", "Thường xuyên", "Định kỳ hoặc đột xuất", "Trước ngày 15/01/2023", "Tháng 3 - 4/2023", "Năm 2023");

	@Test
	void theStoredFactsGiveTheSameStatusAsTheScheduleAndRecordsForEveryDay() {
		Random random = new Random(2023);
		int compared = 0;
		for (String phrase : PHRASES) {
			Schedule schedule = Schedule.read(phrase, 2023);
			for (int trial = 0; trial < 200; trial++) {
				List<LocalDate> records = new ArrayList<>();
				int n = random.nextInt(6);
				for (int i = 0; i < n; i++) {
					records.add(LocalDate.of(2023, 1, 1).plusDays(random.nextInt(420)));
				}
				LocalDate completed = random.nextInt(5) == 0 ? LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365)) : null;
				LocalDate overdueFrom = TaskStatus.overdueFrom(schedule, records);
				for (LocalDate day = LocalDate.of(2022, 12, 1); day.isBefore(LocalDate.of(2024, 3, 1)); day = day.plusDays(7)) {
					assertThat(TaskStatus.of(completed, overdueFrom, !records.isEmpty(), day))
						.as("%s, records %s, completed %s, on %s", phrase, records, completed, day)
						.isEqualTo(TaskStatus.of(schedule, completed, records, day));
					compared++;
				}
			}
		}
		assertThat(compared).isGreaterThan(100_000);
	}

	@Test
	void aQuarterlyTaskIsOverdueFromTheDayAfterItsFirstQuarterWithoutARecord() {
		Schedule quarterly = Schedule.read("Hàng quý", 2023);
		assertThat(TaskStatus.overdueFrom(quarterly, List.of())).isEqualTo(LocalDate.of(2023, 4, 1));
		assertThat(TaskStatus.overdueFrom(quarterly, List.of(LocalDate.of(2023, 2, 10)))).isEqualTo(LocalDate.of(2023, 7, 1));
		assertThat(TaskStatus.overdueFrom(quarterly, List.of(LocalDate.of(2023, 2, 10), LocalDate.of(2023, 8, 1))))
			.isEqualTo(LocalDate.of(2023, 7, 1));
		assertThat(TaskStatus.overdueFrom(Schedule.read("Trước ngày 15/01/2023", 2023), List.of())).isEqualTo(LocalDate.of(2023, 1, 15));
	}
}
