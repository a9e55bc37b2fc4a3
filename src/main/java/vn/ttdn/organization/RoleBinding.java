package vn.ttdn.organization;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/**
 * Which unit holds a regulation role in a jurisdiction, for a period. The same role is bound to
 * different bodies in different jurisdictions (foreign reporters: Sở Ngoại vụ in Hà Nội, 000 Art.
 * 18.3; the UBND Office in Hà Nam, 002 Art. 10.4).
 */
@Entity
@Audited
@Table(name = "role_binding")
public class RoleBinding extends Dated {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String roleCode;
	private String jurisdictionCode;
	private Long unitId;
	private @Nullable String basis;
	private boolean confirmed = true;

	protected RoleBinding() {
	}

	RoleBinding(String roleCode, String jurisdictionCode, Long unitId, @Nullable LocalDate validFrom,
			@Nullable String basis, boolean confirmed) {
		this.roleCode = roleCode;
		this.jurisdictionCode = jurisdictionCode;
		this.unitId = unitId;
		this.validFrom = validFrom;
		this.basis = basis;
		this.confirmed = confirmed;
	}

	void end(LocalDate firstDayAfter) {
		endBefore(firstDayAfter);
	}

	public Long getId() {
		return id;
	}

	public String getRoleCode() {
		return roleCode;
	}

	public String getJurisdictionCode() {
		return jurisdictionCode;
	}

	public Long getUnitId() {
		return unitId;
	}

	public @Nullable String getBasis() {
		return basis;
	}

	public boolean isConfirmed() {
		return confirmed;
	}
}
