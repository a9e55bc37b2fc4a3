package vn.ttdn.organization;

import org.springframework.data.jpa.repository.JpaRepository;

/** The duties of the regulations, verbatim. */
interface Duties extends JpaRepository<Duty, Long> {
}
