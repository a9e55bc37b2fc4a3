package vn.ttdn.organization;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Which unit holds which duty, over time. */
interface DutyAssignments extends JpaRepository<DutyAssignment, Long> {
	@Query("select a from DutyAssignment a where a.unitId = :unit and a.validTo is null")
	List<DutyAssignment> findOpenByUnit(@Param("unit") Long unitId);
}
