package vn.ttdn.planning;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Where a task stands, following from its schedule and what has been recorded (C4 tracking). */
public enum TaskStatus {
	NOT_STARTED, IN_PROGRESS, DONE, OVERDUE;

	/**
	 * Done once a record completes it. Otherwise overdue when its due day has passed, or, for a
	 * recurring task, when a period that has ended has no record within it; in progress when
	 * anything has been recorded; else not started.
	 */
	public static TaskStatus of(Schedule schedule, @Nullable LocalDate completedOn, List<LocalDate> recordedOn,
			LocalDate today) {
		return of(completedOn, overdueFrom(schedule, recordedOn), !recordedOn.isEmpty(), today);
	}

	/**
	 * The same rule on what is stored with each task ({@code plan_task.overdue_from},
	 * {@code progress_recorded}), so that a roll-up over any number of tasks can be one SQL
	 * aggregate ({@link PlanQueries#rollup}) that agrees with every task page.
	 */
	public static TaskStatus of(@Nullable LocalDate completedOn, @Nullable LocalDate overdueFrom, boolean recorded,
			LocalDate today) {
		if (completedOn != null) {
			return DONE;
		}
		if (overdueFrom != null && !today.isBefore(overdueFrom)) {
			return OVERDUE;
		}
		return recorded ? IN_PROGRESS : NOT_STARTED;
	}

	/**
	 * The first day on which the task is overdue unless completed, given what has been recorded:
	 * the day after its due day; for a recurring task, the day after the end of its first period
	 * without a record. {@code null} when it never falls due (not understood, continuous, or every
	 * period already has a record).
	 */
	public static @Nullable LocalDate overdueFrom(Schedule schedule, List<LocalDate> recordedOn) {
		if (schedule.kind() == Schedule.Kind.RECURRING) {
			for (Schedule.Occurrence occurrence : schedule.occurrences()) {
				if (recordedOn.stream().noneMatch(d -> !d.isBefore(occurrence.start()) && !d.isAfter(occurrence.due()))) {
					return occurrence.due().plusDays(1);
				}
			}
			return null;
		}
		return schedule.due() == null ? null : schedule.due().plusDays(1);
	}
}
