package vn.ttdn.organization;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The units. */
interface Units extends JpaRepository<Unit, Long> {
	Optional<Unit> findByDemoKey(String demoKey);
}
