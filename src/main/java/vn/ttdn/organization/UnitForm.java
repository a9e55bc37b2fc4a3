package vn.ttdn.organization;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** What a user enters to create or describe a unit. */
public record UnitForm(
		@NotNull(message = "{validation.unit.type}") @Nullable UnitType type,
		@NotBlank(message = "{validation.unit.name}") @Size(max = 300, message = "{validation.tooLong}") @Nullable String name,
		@Size(max = 100, message = "{validation.tooLong}") @Nullable String abbreviation,
		@Size(max = 300, message = "{validation.tooLong}") @Nullable String nameEn,
		@Nullable Long parentId,
		@Size(max = 200, message = "{validation.tooLong}") @Nullable String email,
		@Size(max = 60, message = "{validation.tooLong}") @Nullable String phone,
		@Size(max = 300, message = "{validation.tooLong}") @Nullable String address,
		@Size(max = 300, message = "{validation.tooLong}") @Nullable String website,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validFrom) {

	public static UnitForm empty() {
		return new UnitForm(null, null, null, null, null, null, null, null, null, null);
	}
}
