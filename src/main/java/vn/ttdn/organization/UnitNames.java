package vn.ttdn.organization;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The names units bore over time. */
interface UnitNames extends JpaRepository<UnitName, Long> {
	@Query("""
			select n from UnitName n where n.unitId = :unit
			and (n.validFrom is null or n.validFrom <= :day) and (n.validTo is null or n.validTo >= :day)""")
	Optional<UnitName> findValidOn(@Param("unit") Long unitId, @Param("day") LocalDate day);

	@Query("select n from UnitName n where n.unitId = :unit and n.validTo is null")
	Optional<UnitName> findCurrent(@Param("unit") Long unitId);
}
