package vn.ttdn.organization;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A change of the administration as a user records it. Which fields matter depends on the kind:
 * RENAME uses {@code newName…}; MERGE merges {@code fromUnitIds} into {@code toUnitId} or, when that
 * is empty, into a new unit named {@code newName}; SPLIT ends {@code fromUnitIds[0]} and starts new
 * units named one per line in {@code splitNames} and/or hands over to the existing {@code toUnitId},
 * which (or else the first new unit) takes over roles and duties;
 * ROLE_TRANSFER moves {@code roleCode}, DUTY_TRANSFER moves {@code dutyId}, from the first "from"
 * unit to {@code toUnitId}; with {@code withDuties} a role transfer also hands over all the unit's duties.
 */
public record SuccessionForm(
		@NotNull(message = "{validation.succession.kind}") @Nullable SuccessionKind kind,
		@NotNull(message = "{validation.succession.date}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate effectiveDate,
		@Nullable List<Long> fromUnitIds,
		@Nullable Long toUnitId,
		@Size(max = 300, message = "{validation.tooLong}") @Nullable String newName,
		@Size(max = 100, message = "{validation.tooLong}") @Nullable String newAbbreviation,
		@Size(max = 300, message = "{validation.tooLong}") @Nullable String newNameEn,
		@Nullable String splitNames,
		@Nullable String roleCode,
		@Nullable Long dutyId,
		@Size(max = 300, message = "{validation.tooLong}") @Nullable String basis,
		@Nullable String note,
		@Nullable Boolean withDuties) {

	public List<Long> from() {
		return fromUnitIds == null ? List.of() : fromUnitIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
	}
}
