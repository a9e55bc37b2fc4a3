package vn.ttdn.organization;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A person's post in a unit as a user enters it. */
public record PersonForm(
		@NotBlank(message = "{validation.person.name}") @Size(max = 200, message = "{validation.tooLong}") @Nullable String fullName,
		@NotNull(message = "{validation.person.post}") @Nullable Post post,
		@Size(max = 200, message = "{validation.tooLong}") @Nullable String positionTitle,
		@Size(max = 60, message = "{validation.tooLong}") @Nullable String phone,
		@Email(message = "{validation.email}") @Size(max = 200, message = "{validation.tooLong}") @Nullable String email,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validTo) {

	public static PersonForm empty() {
		return new PersonForm(null, Post.FOCAL_OFFICER, null, null, null, null, null);
	}
}
