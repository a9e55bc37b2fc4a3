package vn.ttdn.organization;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ttdn.organization.OrganizationQueries.UnitDetails;
import vn.ttdn.shared.security.Actor;

/**
 * The unit API's answer as JSON bytes, serialised once per unit, day and registry revision, and per
 * what the reader may see (people's phone and e-mail only within their own jurisdiction), with an
 * entity tag taken from the bytes. A repeated request costs the scope check and a copy, no SQL and
 * no serialisation.
 */
@Component
class UnitJson {

	/** One answer: the bytes as sent and their entity tag (quoted, as in the ETag header). */
	record Body(byte[] json, String etag) {
	}

	/**
	 * The answers about one unit on one day at one revision, both serialised at once: only the bytes
	 * are kept, not the unit's details as objects (thousands of them would be copied by every garbage
	 * collection while they are young).
	 */
	record Answers(String jurisdictionCode, Body full, Body withoutContacts) {
	}

	private final OrganizationQueries queries;
	private final RegistryCache cache;
	private final JsonMapper json;

	UnitJson(OrganizationQueries queries, RegistryCache cache, JsonMapper json) {
		this.queries = queries;
		this.cache = cache;
		this.json = json;
	}

	/**
	 * The unit as {@code actor} may see it on {@code day}. The scope is checked on every call, before
	 * an answer is chosen: the full one for the unit's own jurisdiction, the other one without the
	 * people's phone numbers and e-mail addresses.
	 */
	Body unit(long unitId, LocalDate day, Actor actor) {
		Answers answers = cache.get("unitJson|" + unitId + "|" + day, () -> answers(queries.detailsNotKept(unitId, day)));
		return choose(answers, actor);
	}

	/**
	 * The unit as {@code actor} may see it today, from the answers about all units of its
	 * jurisdiction valid today, made together on the first request for any of them at a revision (the
	 * usual request names no day; after a change to the registry, reading a province's units one by
	 * one would cost a statement each). A unit not valid today is answered on its own.
	 */
	Body unitToday(long unitId, LocalDate today, Actor actor) {
		String jurisdiction = queries.placeOf(unitId).jurisdictionCode();
		Map<Long, Answers> all = cache.get("unitJsonToday|" + jurisdiction + "|" + today, () -> {
			Map<Long, Answers> answers = new HashMap<>(512);
			queries.detailsOfJurisdiction(jurisdiction, today).forEach((id, details) -> answers.put(id, answers(details)));
			return answers;
		});
		Answers answers = all.get(unitId);
		return answers != null ? choose(answers, actor) : unit(unitId, today, actor);
	}

	private Answers answers(UnitDetails details) {
		return new Answers(details.unit().jurisdictionCode(), body(details), body(OrganizationApi.withoutContacts(details)));
	}

	private static Body choose(Answers answers, Actor actor) {
		return actor.isIn(answers.jurisdictionCode()) ? answers.full() : answers.withoutContacts();
	}

	private Body body(UnitDetails details) {
		byte[] bytes = json.writeValueAsBytes(details);
		return new Body(bytes, etag(bytes));
	}

	/** A strong entity tag from the content: equal bytes, equal tag, on every node. */
	static String etag(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
