package vn.ttdn.regulation;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A reporting obligation in a given year: due before {@code dueBefore}, so {@code lastOnTimeDay}
 * is the last day it counts as on time. Both are null when the regulation sets no day.
 */
public record Deadline(ReportKind kind, Coverage covers, int year, @Nullable LocalDate dueBefore,
		@Nullable LocalDate lastOnTimeDay, String submitters, String collectorRole, List<String> recipients,
		@Nullable String form, String documentNumber, String articleRef, String quote, @Nullable String note) {
}
