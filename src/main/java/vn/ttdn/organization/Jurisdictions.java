package vn.ttdn.organization;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The jurisdictions. */
interface Jurisdictions extends JpaRepository<Jurisdiction, String> {
	List<Jurisdiction> findAllByOrderByCode();
}
