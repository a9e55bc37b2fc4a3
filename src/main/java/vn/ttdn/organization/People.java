package vn.ttdn.organization;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** People in their posts. */
interface People extends JpaRepository<Person, Long> {
	@Query("select p from Person p where p.unitId = :unit and p.validTo is null")
	List<Person> findOpenByUnit(@Param("unit") Long unitId);
}
