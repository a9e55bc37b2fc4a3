package vn.ttdn.organization;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/** A unit holds a duty for a period; duties follow the body that takes over the function, not the name. */
@Entity
@Audited
@Table(name = "duty_assignment")
public class DutyAssignment extends Dated {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private Long dutyId;
	private Long unitId;
	private @Nullable String basis;

	protected DutyAssignment() {
	}

	DutyAssignment(Long dutyId, Long unitId, @Nullable LocalDate validFrom, @Nullable String basis) {
		this.dutyId = dutyId;
		this.unitId = unitId;
		this.validFrom = validFrom;
		this.basis = basis;
	}

	void end(LocalDate firstDayAfter) {
		endBefore(firstDayAfter);
	}

	public Long getId() {
		return id;
	}

	public Long getDutyId() {
		return dutyId;
	}

	public Long getUnitId() {
		return unitId;
	}

	public @Nullable String getBasis() {
		return basis;
	}
}
