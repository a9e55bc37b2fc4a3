package vn.ttdn.organization;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
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

	/** The answers about one unit on one day at one revision; each is serialised on first use. */
	static final class Answers {

		private final UnitDetails details;
		private volatile @Nullable Body full;
		private volatile @Nullable Body withoutContacts;

		Answers(UnitDetails details) {
			this.details = details;
		}
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
		Answers answers = cache.get("unitJson|" + unitId + "|" + day, () -> new Answers(queries.details(unitId, day)));
		if (actor.isIn(answers.details.unit().jurisdictionCode())) {
			Body body = answers.full;
			if (body == null) {
				body = body(answers.details);
				answers.full = body;
			}
			return body;
		}
		Body body = answers.withoutContacts;
		if (body == null) {
			body = body(OrganizationApi.withoutContacts(answers.details));
			answers.withoutContacts = body;
		}
		return body;
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
