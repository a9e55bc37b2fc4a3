package vn.ttdn.organization;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers repeated reads of the registry from memory. The registry changes rarely and is read on
 * every page, so each answer is kept with the registry revision it was computed at; every write
 * bumps the revision in PostgreSQL ({@link #changed()}), so every node, reading the revision with
 * one primary-key lookup, recomputes what changed elsewhere too.
 */
@Component
class RegistryCache {

	private static final int CAPACITY = 10_000;

	private record Cached(long revision, Object value) {
	}

	private final JdbcClient jdbc;
	private final Map<String, Cached> entries = java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
			return size() > CAPACITY;
		}
	});

	RegistryCache(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String REQUEST_ATTRIBUTE = RegistryCache.class.getName() + ".revision";

	/** The current revision, read once per web request (a request sees one state of the registry). */
	long revision() {
		var request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(REQUEST_ATTRIBUTE, 0) instanceof Long known) {
			return known;
		}
		long revision = jdbc.sql("select revision from registry_revision where id = 1").query(Long.class).single();
		if (request != null) {
			request.setAttribute(REQUEST_ATTRIBUTE, revision, 0);
		}
		return revision;
	}

	/** Within the caller's transaction: the registry changed (and this request reads it afresh). */
	void changed() {
		jdbc.sql("update registry_revision set revision = revision + 1 where id = 1").update();
		var request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(REQUEST_ATTRIBUTE, 0);
		}
	}

	@SuppressWarnings("unchecked")
	<T> T get(String key, Supplier<T> load) {
		long revision = revision();
		Cached entry = entries.get(key);
		if (entry != null && entry.revision() == revision) {
			return (T) entry.value();
		}
		T value = load.get();
		entries.put(key, new Cached(revision, value));
		return value;
	}
}
