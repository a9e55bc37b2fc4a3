package vn.ttdn.organization;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.security.Actor;
import vn.ttdn.shared.security.AppRole;

/**
 * Loads registry records from trusted sources (the seed documents, generated benchmark data) without
 * a signed-in user. Not reachable from the web.
 */
@Component
@Transactional
public class RegistryImport {

	private static final Actor SYSTEM = new Actor(0, "system", "Hệ thống", AppRole.SYSTEM_ADMIN, null, null);

	private final Jurisdictions jurisdictions;
	private final Units units;
	private final UnitNames names;
	private final RoleBindings roleBindings;
	private final Duties duties;
	private final People people;
	private final Successions successions;
	private final Registry registry;
	private final RegistryCache cache;

	RegistryImport(Jurisdictions jurisdictions, Units units, UnitNames names, RoleBindings roleBindings, Duties duties,
			People people, Successions successions, Registry registry, RegistryCache cache) {
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.names = names;
		this.roleBindings = roleBindings;
		this.duties = duties;
		this.people = people;
		this.successions = successions;
		this.registry = registry;
		this.cache = cache;
	}

	public record UnitSpec(String jurisdiction, UnitType type, String name, @Nullable String abbreviation,
			@Nullable String nameEn, @Nullable Long parentId, @Nullable LocalDate validFrom, Origin origin,
			@Nullable String key, @Nullable String namedIn, List<String> aliases) {
	}

	public void jurisdiction(String code, String name, @Nullable String nameEn, JurisdictionKind kind) {
		cache.changed();
		jurisdictions.saveAndFlush(new Jurisdiction(code, name, nameEn, kind));
	}

	public void mergeJurisdiction(String code, String successorCode, LocalDate lastDay, String note) {
		cache.changed();
		Jurisdiction merged = jurisdictions.findById(code).orElseThrow(() -> new NotFound("jurisdiction", code));
		Jurisdiction successor = jurisdictions.findById(successorCode)
			.orElseThrow(() -> new NotFound("jurisdiction", successorCode));
		merged.mergeInto(successor, lastDay, note);
		units.flush();
	}

	public long unit(UnitSpec spec) {
		cache.changed();
		Unit unit = new Unit(spec.jurisdiction(), spec.type(), spec.parentId(), spec.validFrom(), spec.origin());
		if (spec.key() != null) {
			unit.markDemo(spec.key(), spec.namedIn());
		}
		spec.aliases().forEach(unit::addAlias);
		unit = units.save(unit);
		names.saveAndFlush(new UnitName(unit.getId(), spec.name(), spec.abbreviation(), spec.nameEn(), spec.validFrom()));
		return unit.getId();
	}

	public void setParent(long unitId, long parentId) {
		cache.changed();
		Unit unit = units.findById(unitId).orElseThrow(() -> new NotFound("unit", unitId));
		unit.describe(unit.getType(), parentId, unit.getEmail(), unit.getPhone(), unit.getAddress(), unit.getWebsite());
		units.flush();
	}

	public void bindRole(String jurisdiction, String role, long unitId, @Nullable LocalDate from, @Nullable String basis,
			boolean confirmed) {
		cache.changed();
		roleBindings.saveAndFlush(new RoleBinding(role, jurisdiction, unitId, from, basis, confirmed));
	}

	public void duty(String jurisdiction, String documentNumber, int article, @Nullable String clause, int position,
			String text, long unitId, @Nullable LocalDate from) {
		cache.changed();
		Duty duty = duties.save(new Duty(jurisdiction, documentNumber, article, clause, position, text));
		registry.assignDuty(duty, units.getReferenceById(unitId), from, documentNumber);
		units.flush();
	}

	public void person(long unitId, String fullName, Post post, @Nullable String title, @Nullable String phone,
			@Nullable String email, @Nullable LocalDate from, boolean demo) {
		cache.changed();
		Person person = new Person(unitId, post, demo);
		person.update(fullName, post, title, phone, email, from, null);
		people.saveAndFlush(person);
	}

	/** Applies a recorded change as the system, noting whether its facts were confirmed and where. */
	public long succession(String jurisdiction, SuccessionForm form, boolean confirmed, @Nullable String source) {
		Succession succession = registry.record(SYSTEM, jurisdiction, form);
		succession.annotate(confirmed, source);
		units.flush();
		return succession.getId();
	}

	/** Registry rows were written directly (batched SQL, generated data) in the caller's transaction: caches start afresh. */
	public void writtenInBulk() {
		cache.changed();
	}

	public @Nullable Long unitIdByKey(String key) {
		return units.findByDemoKey(key).map(Unit::getId).orElse(null);
	}
}
