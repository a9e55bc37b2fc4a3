package vn.ttdn.organization;

import org.springframework.data.jpa.repository.JpaRepository;

/** The jurisdictions. */
interface Jurisdictions extends JpaRepository<Jurisdiction, String> {
}
