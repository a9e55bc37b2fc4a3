package vn.ttdn.organization;

import org.springframework.data.jpa.repository.JpaRepository;

/** Recorded changes of the administration. */
interface Successions extends JpaRepository<Succession, Long> {
}
