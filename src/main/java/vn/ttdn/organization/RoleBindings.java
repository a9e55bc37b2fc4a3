package vn.ttdn.organization;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Which unit holds which role, over time. */
interface RoleBindings extends JpaRepository<RoleBinding, Long> {
	@Query("select b from RoleBinding b where b.unitId = :unit and b.validTo is null")
	List<RoleBinding> findOpenByUnit(@Param("unit") Long unitId);

	@Query("select b from RoleBinding b where b.unitId = :unit and b.roleCode in :roles and b.validTo is null")
	List<RoleBinding> findOpenByUnitAndRoles(@Param("unit") Long unitId, @Param("roles") Collection<String> roles);
}
