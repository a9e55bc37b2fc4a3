package vn.ttdn.organization;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;
import vn.ttdn.shared.security.Actor;

/**
 * Every change to the registry of bodies goes through here, and every one is checked against the
 * actor's scope first (C19): a jurisdiction's administrators change its registry, a unit's own
 * staff change only that unit's contact details and people.
 */
@Service
@Transactional
public class Registry {

	private final Jurisdictions jurisdictions;
	private final Units units;
	private final UnitNames names;
	private final RoleBindings roleBindings;
	private final Duties duties;
	private final DutyAssignments dutyAssignments;
	private final People people;
	private final Successions successions;
	private final Clock clock;
	private final RegistryCache cache;

	Registry(Jurisdictions jurisdictions, Units units, UnitNames names, RoleBindings roleBindings, Duties duties,
			DutyAssignments dutyAssignments, People people, Successions successions, Clock clock, RegistryCache cache) {
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.names = names;
		this.roleBindings = roleBindings;
		this.duties = duties;
		this.dutyAssignments = dutyAssignments;
		this.people = people;
		this.successions = successions;
		this.clock = clock;
		this.cache = cache;
	}

	// ---------------------------------------------------------------- units

	public Unit createUnit(Actor actor, String jurisdictionCode, UnitForm form) {
		cache.changed();
		requireManage(actor, jurisdictionCode);
		jurisdictions.findById(jurisdictionCode).orElseThrow(() -> new NotFound("jurisdiction", jurisdictionCode));
		requireParentIn(form.parentId(), jurisdictionCode);
		Unit unit = new Unit(jurisdictionCode, Objects.requireNonNull(form.type()), form.parentId(), form.validFrom(),
				Origin.USER);
		unit.updateContact(form.email(), form.phone(), form.address(), form.website());
		unit = units.save(unit);
		names.save(new UnitName(unit.getId(), Objects.requireNonNull(form.name()), form.abbreviation(), form.nameEn(),
				form.validFrom()));
		return unit;
	}

	/**
	 * Administrators change everything and may correct the current name; the unit's own staff change
	 * its contact details only.
	 */
	public Unit updateUnit(Actor actor, long unitId, UnitForm form) {
		cache.changed();
		Unit unit = unit(unitId);
		if (actor.canManage(unit.getJurisdictionCode())) {
			requireParentIn(form.parentId(), unit.getJurisdictionCode());
			if (Objects.equals(form.parentId(), unit.getId())) {
				throw new UserError("error.unit.ownParent");
			}
			unit.describe(Objects.requireNonNull(form.type()), form.parentId(), form.email(), form.phone(),
					form.address(), form.website());
			names.findCurrent(unitId).ifPresent(n -> n.correct(Objects.requireNonNull(form.name()),
					form.abbreviation(), form.nameEn()));
		}
		else if (actor.canEditUnit(unit.getJurisdictionCode(), unitId)) {
			unit.updateContact(form.email(), form.phone(), form.address(), form.website());
		}
		else {
			throw new AccessDeniedException("unit " + unitId);
		}
		return unit;
	}

	// ---------------------------------------------------------------- succession

	/** Records a change of the administration and applies it from its effective date. */
	public Succession record(Actor actor, String jurisdictionCode, SuccessionForm form) {
		cache.changed();
		requireManage(actor, jurisdictionCode);
		LocalDate date = Objects.requireNonNull(form.effectiveDate());
		List<Unit> from = form.from().stream().map(this::unit).toList();
		from.forEach(u -> {
			requireManage(actor, u.getJurisdictionCode());
			requireActive(u, date);
		});
		String basis = VietnameseText.clean(form.basis());
		String note = VietnameseText.clean(form.note());
		return switch (Objects.requireNonNull(form.kind())) {
			case RENAME -> rename(actor, only(from), form, date, basis, note);
			case MERGE -> merge(actor, jurisdictionCode, from, form, date, basis, note);
			case SPLIT -> split(actor, jurisdictionCode, only(from), form, date, basis, note);
			case ROLE_TRANSFER -> transferRole(actor, only(from), form, date, basis, note);
			case DUTY_TRANSFER -> transferDuty(actor, only(from), form, date, basis, note);
		};
	}

	private Succession rename(Actor actor, Unit unit, SuccessionForm form, LocalDate date, @Nullable String basis,
			@Nullable String note) {
		String newName = VietnameseText.clean(form.newName());
		if (newName == null || newName.isEmpty()) {
			throw new UserError("error.succession.newNameRequired");
		}
		UnitName current = names.findValidOn(unit.getId(), date)
			.orElseThrow(() -> new UserError("error.succession.noNameOnDate"));
		current.end(date);
		names.save(new UnitName(unit.getId(), newName, form.newAbbreviation(), form.newNameEn(), date));
		return save(actor, unit.getJurisdictionCode(), SuccessionKind.RENAME, date, List.of(unit.getId()),
				List.of(unit.getId()), Set.of(), basis, note);
	}

	private Succession merge(Actor actor, String jurisdictionCode, List<Unit> from, SuccessionForm form,
			LocalDate date, @Nullable String basis, @Nullable String note) {
		Unit target = form.toUnitId() != null ? unit(form.toUnitId())
				: newUnit(jurisdictionCode, from.getFirst(), form.newName(), form.newAbbreviation(), form.newNameEn(), date);
		requireActive(target, date);
		List<Unit> absorbed = from.stream().filter(u -> !u.getId().equals(target.getId())).toList();
		if (absorbed.isEmpty() || from.size() + (from.contains(target) ? 0 : 1) < 2) {
			throw new UserError("error.succession.mergeNeedsTwo");
		}
		String inherited = inheritedBasis(basis, date);
		for (Unit u : absorbed) {
			moveHoldings(u, target, date, inherited, null);
			endUnit(u, date);
		}
		return save(actor, jurisdictionCode, SuccessionKind.MERGE, date, ids(from), List.of(target.getId()), Set.of(),
				basis, note);
	}

	private Succession split(Actor actor, String jurisdictionCode, Unit source, SuccessionForm form, LocalDate date,
			@Nullable String basis, @Nullable String note) {
		List<String> newNames = form.splitNames() == null ? List.of()
				: Arrays.stream(form.splitNames().split("\\R")).map(VietnameseText::clean)
					.filter(s -> s != null && !s.isEmpty()).toList();
		List<Unit> successors = new ArrayList<>();
		if (form.toUnitId() != null) {
			successors.add(target(form, source, date));
		}
		for (String name : newNames) {
			successors.add(newUnit(jurisdictionCode, source, name, null, null, date));
		}
		if (successors.isEmpty()) {
			throw new UserError("error.succession.splitNeedsSuccessor");
		}
		moveHoldings(source, successors.getFirst(), date, inheritedBasis(basis, date), null);
		endUnit(source, date);
		return save(actor, jurisdictionCode, SuccessionKind.SPLIT, date, List.of(source.getId()), ids(successors),
				Set.of(), basis, note);
	}

	private Succession transferRole(Actor actor, Unit from, SuccessionForm form, LocalDate date,
			@Nullable String basis, @Nullable String note) {
		Unit to = target(form, from, date);
		String role = form.roleCode();
		if (role == null || roleBindings.findOpenByUnitAndRoles(from.getId(), Set.of(role)).isEmpty()) {
			throw new UserError("error.succession.roleNotHeld");
		}
		moveHoldings(from, to, date, inheritedBasis(basis, date), Set.of(role));
		if (Boolean.TRUE.equals(form.withDuties())) {
			moveDuties(from, to, date, inheritedBasis(basis, date));
		}
		return save(actor, from.getJurisdictionCode(), SuccessionKind.ROLE_TRANSFER, date, List.of(from.getId()),
				List.of(to.getId()), Set.of(role), basis, note);
	}

	private Succession transferDuty(Actor actor, Unit from, SuccessionForm form, LocalDate date,
			@Nullable String basis, @Nullable String note) {
		Unit to = target(form, from, date);
		DutyAssignment held = dutyAssignments.findOpenByUnit(from.getId()).stream()
			.filter(a -> a.getDutyId().equals(form.dutyId()))
			.findFirst()
			.orElseThrow(() -> new UserError("error.succession.dutyNotHeld"));
		held.end(date);
		dutyAssignments.save(new DutyAssignment(held.getDutyId(), to.getId(), date, inheritedBasis(basis, date)));
		return save(actor, from.getJurisdictionCode(), SuccessionKind.DUTY_TRANSFER, date, List.of(from.getId()),
				List.of(to.getId()), Set.of(), basis, note);
	}

	/**
	 * Hands the open role bindings (all, or only {@code onlyRoles}) and, when all move, the open duty
	 * assignments of {@code from} to {@code to} from {@code date}: duties follow the role, not the name.
	 */
	private void moveHoldings(Unit from, Unit to, LocalDate date, String basis, @Nullable Set<String> onlyRoles) {
		List<RoleBinding> bindings = onlyRoles == null ? roleBindings.findOpenByUnit(from.getId())
				: roleBindings.findOpenByUnitAndRoles(from.getId(), onlyRoles);
		for (RoleBinding b : bindings) {
			b.end(date);
			roleBindings.save(new RoleBinding(b.getRoleCode(), to.getJurisdictionCode(), to.getId(), date, basis, true));
		}
		if (onlyRoles == null) {
			moveDuties(from, to, date, basis);
		}
	}

	private void moveDuties(Unit from, Unit to, LocalDate date, String basis) {
		for (DutyAssignment a : dutyAssignments.findOpenByUnit(from.getId())) {
			a.end(date);
			dutyAssignments.save(new DutyAssignment(a.getDutyId(), to.getId(), date, basis));
		}
	}

	private void endUnit(Unit unit, LocalDate date) {
		unit.end(date);
		names.findCurrent(unit.getId()).ifPresent(n -> n.end(date));
		people.findOpenByUnit(unit.getId()).forEach(p -> p.end(date));
	}

	private Unit newUnit(String jurisdictionCode, Unit like, @Nullable String name, @Nullable String abbreviation,
			@Nullable String nameEn, LocalDate from) {
		String clean = VietnameseText.clean(name);
		if (clean == null || clean.isEmpty()) {
			throw new UserError("error.succession.newNameRequired");
		}
		Unit unit = units.save(new Unit(jurisdictionCode, like.getType(), like.getParentId(), from, Origin.USER));
		names.save(new UnitName(unit.getId(), clean, abbreviation, nameEn, from));
		return unit;
	}

	private Unit target(SuccessionForm form, Unit from, LocalDate date) {
		if (form.toUnitId() == null) {
			throw new UserError("error.succession.targetRequired");
		}
		Unit to = unit(form.toUnitId());
		if (to.getId().equals(from.getId())) {
			throw new UserError("error.succession.sameUnit");
		}
		requireActive(to, date);
		return to;
	}

	private Succession save(Actor actor, String jurisdictionCode, SuccessionKind kind, LocalDate date, List<Long> from,
			List<Long> to, Set<String> roles, @Nullable String basis, @Nullable String note) {
		return successions.save(new Succession(jurisdictionCode, kind, date, from, to, roles, basis, note, true, null,
				actor.username(), Instant.now(clock)));
	}

	private static String inheritedBasis(@Nullable String basis, LocalDate date) {
		return basis != null && !basis.isEmpty() ? basis
				: "Kế thừa từ ngày " + date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
	}

	// ---------------------------------------------------------------- roles and duties

	public RoleBinding bindRole(Actor actor, long unitId, String roleCode, @Nullable LocalDate from,
			@Nullable String basis) {
		cache.changed();
		Unit unit = unit(unitId);
		requireManage(actor, unit.getJurisdictionCode());
		if (roleCode == null || roleCode.isBlank()) {
			throw new UserError("error.role.required");
		}
		if (!roleBindings.findOpenByUnitAndRoles(unitId, Set.of(roleCode)).isEmpty()) {
			throw new UserError("error.role.alreadyHeld");
		}
		return roleBindings.save(new RoleBinding(roleCode, unit.getJurisdictionCode(), unitId, from,
				VietnameseText.clean(basis), true));
	}

	/** Ends a role binding: {@code lastDay} is the last day the unit holds the role; returns the unit. */
	public long endRoleBinding(Actor actor, long bindingId, LocalDate lastDay) {
		cache.changed();
		RoleBinding binding = roleBindings.findById(bindingId).orElseThrow(() -> new NotFound("role binding", bindingId));
		requireManage(actor, binding.getJurisdictionCode());
		binding.end(lastDay.plusDays(1));
		return binding.getUnitId();
	}

	public Duty addDuty(Actor actor, long unitId, String documentNumber, int article, @Nullable String clause,
			String text, @Nullable LocalDate from) {
		cache.changed();
		Unit unit = unit(unitId);
		requireManage(actor, unit.getJurisdictionCode());
		if (documentNumber == null || documentNumber.isBlank()) {
			throw new UserError("error.duty.documentRequired");
		}
		Duty duty = duties.save(new Duty(unit.getJurisdictionCode(), documentNumber, article, clause, 0, text));
		dutyAssignments.save(new DutyAssignment(duty.getId(), unitId, from, null));
		return duty;
	}

	/** Used by the demo loader: assign an existing duty. */
	DutyAssignment assignDuty(Duty duty, Unit unit, @Nullable LocalDate from, @Nullable String basis) {
		return dutyAssignments.save(new DutyAssignment(duty.getId(), unit.getId(), from, basis));
	}

	// ---------------------------------------------------------------- people

	public Person addPerson(Actor actor, long unitId, PersonForm form) {
		cache.changed();
		Unit unit = unit(unitId);
		requireEdit(actor, unit);
		Person person = new Person(unitId, Objects.requireNonNull(form.post()), false);
		person.update(Objects.requireNonNull(form.fullName()), form.post(), form.positionTitle(), form.phone(),
				form.email(), form.validFrom(), form.validTo());
		return people.save(person);
	}

	public Person updatePerson(Actor actor, long personId, PersonForm form) {
		cache.changed();
		Person person = people.findById(personId).orElseThrow(() -> new NotFound("person", personId));
		requireEdit(actor, unit(person.getUnitId()));
		person.update(Objects.requireNonNull(form.fullName()), Objects.requireNonNull(form.post()),
				form.positionTitle(), form.phone(), form.email(), form.validFrom(), form.validTo());
		return person;
	}

	// ---------------------------------------------------------------- checks

	private Unit unit(long id) {
		return units.findById(id).orElseThrow(() -> new NotFound("unit", id));
	}

	private static Unit only(List<Unit> from) {
		if (from.size() != 1) {
			throw new UserError("error.succession.oneSource");
		}
		return from.getFirst();
	}

	private static List<Long> ids(List<Unit> list) {
		return list.stream().map(Unit::getId).toList();
	}

	private void requireParentIn(@Nullable Long parentId, String jurisdictionCode) {
		if (parentId != null && !unit(parentId).getJurisdictionCode().equals(jurisdictionCode)) {
			throw new UserError("error.unit.parentOtherJurisdiction");
		}
	}

	/** Sources and targets must exist on the effective day; bodies of a jurisdiction merged into another may merge across. */
	private static void requireActive(Unit unit, LocalDate date) {
		if (!unit.isValidOn(date)) {
			throw new UserError("error.succession.notActive", date);
		}
	}

	private static void requireManage(Actor actor, String jurisdictionCode) {
		if (!actor.canManage(jurisdictionCode)) {
			throw new AccessDeniedException("jurisdiction " + jurisdictionCode);
		}
	}

	private static void requireEdit(Actor actor, Unit unit) {
		if (!actor.canEditUnit(unit.getJurisdictionCode(), unit.getId())) {
			throw new AccessDeniedException("unit " + unit.getId());
		}
	}
}
