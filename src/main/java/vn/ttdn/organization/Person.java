package vn.ttdn.organization;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;

/** A person holding a post in a unit for a period: focal officer, spokesperson, leader. */
@Entity
@Audited
@Table(name = "person")
public class Person extends Dated {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private Long unitId;
	private String fullName;
	@Enumerated(EnumType.STRING)
	private Post post;
	private @Nullable String positionTitle;
	private @Nullable String phone;
	private @Nullable String email;
	private boolean demo;
	@Version
	private long version;

	protected Person() {
	}

	Person(Long unitId, Post post, boolean demo) {
		this.unitId = unitId;
		this.post = post;
		this.demo = demo;
	}

	void update(String fullName, Post post, @Nullable String positionTitle, @Nullable String phone,
			@Nullable String email, @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
		String name = VietnameseText.clean(fullName);
		if (name == null || name.isEmpty()) {
			throw new UserError("error.person.nameRequired");
		}
		String mail = VietnameseText.clean(email);
		if (mail != null && !mail.isEmpty() && !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new UserError("error.person.emailInvalid", mail);
		}
		if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
			throw new UserError("error.period.reversed");
		}
		this.fullName = name;
		this.post = post;
		this.positionTitle = VietnameseText.clean(positionTitle);
		this.phone = VietnameseText.clean(phone);
		this.email = mail == null || mail.isEmpty() ? null : mail;
		this.validFrom = validFrom;
		this.validTo = validTo;
	}

	void end(LocalDate firstDayAfter) {
		endBefore(firstDayAfter);
	}

	public Long getId() {
		return id;
	}

	public Long getUnitId() {
		return unitId;
	}

	public String getFullName() {
		return fullName;
	}

	public Post getPost() {
		return post;
	}

	public @Nullable String getPositionTitle() {
		return positionTitle;
	}

	public @Nullable String getPhone() {
		return phone;
	}

	public @Nullable String getEmail() {
		return email;
	}

	public boolean isDemo() {
		return demo;
	}
}
