package vn.ttdn.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The accounts. */
interface Accounts extends JpaRepository<Account, Long> {

	Optional<Account> findByUsernameIgnoreCase(String username);

	List<Account> findAllByOrderByJurisdictionCodeAscRoleAscUsernameAsc();
}
