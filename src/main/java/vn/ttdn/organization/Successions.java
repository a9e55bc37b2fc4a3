package vn.ttdn.organization;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Recorded changes of the administration. */
interface Successions extends JpaRepository<Succession, Long> {
	@Query("select distinct s from Succession s join s.units l where l.unitId = :unit order by s.effectiveDate")
	List<Succession> findByUnit(@Param("unit") Long unitId);
}
