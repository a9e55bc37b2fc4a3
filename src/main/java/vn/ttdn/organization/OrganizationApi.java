package vn.ttdn.organization;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.organization.OrganizationQueries.HistoryRow;
import vn.ttdn.organization.OrganizationQueries.JurisdictionView;
import vn.ttdn.organization.OrganizationQueries.PersonRow;
import vn.ttdn.organization.OrganizationQueries.RoleHolder;
import vn.ttdn.organization.OrganizationQueries.UnitDetails;
import vn.ttdn.organization.OrganizationQueries.UnitRow;
import vn.ttdn.shared.security.Actor;

/**
 * The registry as JSON. Every signed-in account reads the organisation of every jurisdiction (it is
 * public organisational information), but the phone numbers and e-mail addresses of people only
 * within its own jurisdiction; writes are scoped as in the UI.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisation", description = "Jurisdictions, units, roles, duties, people, succession (C1)")
class OrganizationApi {

	private final OrganizationQueries queries;
	private final Registry registry;
	private final Clock clock;
	private final UnitJson unitJson;

	OrganizationApi(OrganizationQueries queries, Registry registry, Clock clock, UnitJson unitJson) {
		this.queries = queries;
		this.registry = registry;
		this.clock = clock;
		this.unitJson = unitJson;
	}

	/** People of other jurisdictions are listed without their phone and e-mail (C19). */
	static UnitDetails visibleTo(UnitDetails d, Actor actor) {
		return actor.isIn(d.unit().jurisdictionCode()) ? d : withoutContacts(d);
	}

	/** The unit as someone outside its jurisdiction sees it: its people without phone and e-mail. */
	static UnitDetails withoutContacts(UnitDetails d) {
		List<PersonRow> people = d.people().stream()
			.map(p -> new PersonRow(p.id(), p.fullName(), p.post(), p.positionTitle(), null, null, p.validFrom(),
					p.validTo(), p.demo()))
			.toList();
		return new UnitDetails(d.unit(), d.asOf(), d.origin(), d.namedIn(), d.email(), d.phone(), d.address(),
				d.website(), d.parent(), d.children(), d.names(), d.aliases(), d.roles(), d.duties(), people,
				d.successions());
	}

	@GetMapping("/jurisdictions")
	@Operation(summary = "All jurisdictions with their administrative codes")
	List<JurisdictionView> jurisdictions() {
		return queries.jurisdictions();
	}

	@GetMapping("/jurisdictions/{code}/units")
	@Operation(summary = "Units of a jurisdiction as of a date, optionally filtered by name with or without diacritics")
	List<UnitRow> units(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			@RequestParam(required = false) @Nullable String q) {
		queries.jurisdiction(code);
		return queries.units(code, asOf != null ? asOf : queries.defaultDay(code, LocalDate.now(clock)), q);
	}

	/**
	 * Answered from JSON kept per registry revision ({@link UnitJson}), with an entity tag: a request
	 * with a matching {@code If-None-Match} gets 304 Not Modified without a body. Whether the caller
	 * may see the people's contacts is decided on every request.
	 */
	@GetMapping(path = "/units/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A unit as of a date: names, roles, duties with article references, people, successions",
			description = "The answer carries an ETag; send it back in If-None-Match to get 304 Not Modified while the unit is unchanged.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UnitDetails.class)))
	ResponseEntity<byte[]> unit(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			Actor actor) {
		LocalDate today = LocalDate.now(clock);
		LocalDate day = asOf != null ? asOf : queries.defaultUnitDay(id, today);
		UnitJson.Body body = asOf == null && day.equals(today) ? unitJson.unitToday(id, today, actor)
				: unitJson.unit(id, day, actor);
		// Spring answers 304 itself when the request's If-None-Match names this tag.
		return ResponseEntity.ok().eTag(body.etag()).contentType(MediaType.APPLICATION_JSON).body(body.json());
	}

	@GetMapping("/units/{id}/history")
	@Operation(summary = "Who changed what about the unit, newest first")
	List<HistoryRow> history(@PathVariable long id) {
		queries.unitOn(id, LocalDate.now(clock)).orElseThrow(() -> new vn.ttdn.shared.NotFound("unit", id));
		return queries.history(id);
	}

	@GetMapping("/roles")
	@Operation(summary = "Which unit holds each regulation role in each jurisdiction on a date")
	List<RoleHolder> roles(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		return queries.roleHolders(asOf != null ? asOf : LocalDate.now(clock));
	}

	@PostMapping("/jurisdictions/{code}/units")
	@Operation(summary = "Create a unit (jurisdiction administrators)")
	ResponseEntity<UnitDetails> create(@PathVariable String code, @Valid @RequestBody UnitForm form, Actor actor) {
		Unit unit = registry.createUnit(actor, code, form);
		LocalDate day = form.validFrom() != null ? form.validFrom() : LocalDate.now(clock);
		return ResponseEntity.created(URI.create("/api/v1/units/" + unit.getId())).body(queries.details(unit.getId(), day));
	}

	@PutMapping("/units/{id}")
	@Operation(summary = "Replace a unit's fields (PUT: fields left out become empty): everything for administrators, contact details for the unit's own staff")
	UnitDetails update(@PathVariable long id, @Valid @RequestBody UnitForm form, Actor actor) {
		registry.updateUnit(actor, id, form);
		return queries.details(id, LocalDate.now(clock));
	}

	record RoleRequest(String roleCode, @Nullable LocalDate validFrom, @Nullable String basis) {
	}

	@PostMapping("/units/{id}/roles")
	@Operation(summary = "Give a unit a regulation role from a date")
	UnitDetails bindRole(@PathVariable long id, @RequestBody RoleRequest request, Actor actor) {
		registry.bindRole(actor, id, request.roleCode(), request.validFrom(), request.basis());
		return queries.details(id, LocalDate.now(clock));
	}

	@PostMapping("/units/{id}/people")
	@Operation(summary = "Add a person's post to a unit")
	UnitDetails addPerson(@PathVariable long id, @Valid @RequestBody PersonForm form, Actor actor) {
		registry.addPerson(actor, id, form);
		return queries.details(id, LocalDate.now(clock));
	}

	@PutMapping("/people/{id}")
	@Operation(summary = "Update a person's post")
	UnitDetails updatePerson(@PathVariable long id, @Valid @RequestBody PersonForm form, Actor actor) {
		Person person = registry.updatePerson(actor, id, form);
		return queries.details(person.getUnitId(), LocalDate.now(clock));
	}

	@PostMapping("/jurisdictions/{code}/successions")
	@Operation(summary = "Record a rename, merge, split or transfer; history stays attached")
	ResponseEntity<OrganizationQueries.SuccessionRow> succession(@PathVariable String code,
			@Valid @RequestBody SuccessionForm form, Actor actor) {
		Succession s = registry.record(actor, code, form);
		var row = queries.details(s.to().getFirst(), s.getEffectiveDate()).successions().stream()
			.filter(r -> r.id() == s.getId())
			.findFirst()
			.orElseThrow();
		return ResponseEntity.status(201).body(row);
	}
}
