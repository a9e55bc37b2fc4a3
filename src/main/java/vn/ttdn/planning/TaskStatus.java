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
		if (completedOn != null) {
			return DONE;
		}
		if (schedule.kind() == Schedule.Kind.RECURRING) {
			for (Schedule.Occurrence occurrence : schedule.occurrences()) {
				if (occurrence.due().isBefore(today) && recordedOn.stream()
					.noneMatch(d -> !d.isBefore(occurrence.start()) && !d.isAfter(occurrence.due()))) {
					return OVERDUE;
				}
			}
		}
		else if (schedule.due() != null && schedule.due().isBefore(today)) {
			return OVERDUE;
		}
		return recordedOn.isEmpty() ? NOT_STARTED : IN_PROGRESS;
	}
}
