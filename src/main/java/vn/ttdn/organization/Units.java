package vn.ttdn.organization;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The units. */
interface Units extends JpaRepository<Unit, Long> {
	Optional<Unit> findByDemoKey(String demoKey);

	long countByJurisdictionCodeAndOrigin(String jurisdictionCode, Origin origin);
}
