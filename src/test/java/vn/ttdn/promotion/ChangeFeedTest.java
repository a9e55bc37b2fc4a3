package vn.ttdn.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.IntegrationTest;

/**
 * Done means 5: a client of the change feed (the national database) that stops at any point and
 * resumes from its cursor ends with exactly what the public can see — withdrawals included.
 */
@IntegrationTest
class ChangeFeedTest {

	@Autowired
	MockMvc mvc;

	/** What a client holds: item → its public languages. */
	record Replica(long cursor, Map<Long, Set<String>> items) {
	}

	/** Reads the feed from the replica's cursor to the end, a few changes a page, and applies each. */
	Replica resume(Replica from) throws Exception {
		Map<Long, Set<String>> items = new HashMap<>();
		from.items().forEach((k, v) -> items.put(k, new TreeSet<>(v)));
		long cursor = from.cursor();
		boolean more = true;
		while (more) {
			String page = mvc.perform(get("/api/v1/public/changes").param("after", String.valueOf(cursor)).param("limit", "2"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			List<Map<String, Object>> changes = JsonPath.read(page, "$.changes");
			for (Map<String, Object> change : changes) {
				long id = ((Number) change.get("itemId")).longValue();
				@SuppressWarnings("unchecked")
				Map<String, Object> translations = (Map<String, Object>) change.get("translations");
				if ("WITHDRAWN".equals(change.get("kind"))) {
					assertThat(translations).isEmpty();
					items.remove(id);
				}
				else {
					items.put(id, new TreeSet<>(translations.keySet()));
				}
			}
			cursor = ((Number) JsonPath.read(page, "$.next")).longValue();
			more = JsonPath.read(page, "$.more");
		}
		return new Replica(cursor, items);
	}

	/** What the public API shows of these items now. */
	Map<Long, Set<String>> truth(List<Long> ids) throws Exception {
		Map<Long, Set<String>> out = new TreeMap<>();
		for (long id : ids) {
			for (String lang : List.of("vi", "en")) {
				int status = mvc.perform(get("/api/v1/public/items/{id}", id).param("lang", lang)).andReturn().getResponse().getStatus();
				if (status == 200) {
					out.computeIfAbsent(id, k -> new TreeSet<>()).add(lang);
				}
			}
		}
		return out;
	}

	Map<Long, Set<String>> only(Map<Long, Set<String>> items, List<Long> ids) {
		Map<Long, Set<String>> out = new TreeMap<>();
		items.forEach((k, v) -> {
			if (ids.contains(k)) {
				out.put(k, v);
			}
		});
		return out;
	}

	@Test
	void resumingFromAnyCursorGivesWhatThePublicSees() throws Exception {
		var work = new Contributions(mvc);
		List<Long> ids = new ArrayList<>();
		List<Replica> stops = new ArrayList<>();
		stops.add(resume(new Replica(0, Map.of())));
		long a = work.published("Nguồn cấp A", "Feed A", List.of("vi"));
		ids.add(a);
		stops.add(resume(stops.getLast()));
		long b = work.published("Nguồn cấp B", "Feed B", List.of("vi", "en"));
		ids.add(b);
		stops.add(resume(stops.getLast()));
		work.publish(a, List.of("en"));
		stops.add(resume(stops.getLast()));
		work.withdraw(b);
		stops.add(resume(stops.getLast()));
		long c = work.published("Nguồn cấp C", "Feed C", List.of("en"));
		ids.add(c);
		work.withdraw(a);
		stops.add(resume(stops.getLast()));
		long d = work.published("Nguồn cấp D", "Feed D", List.of("vi", "en"));
		ids.add(d);

		Map<Long, Set<String>> truth = truth(ids);
		assertThat(truth).containsOnlyKeys(c, d);
		assertThat(truth.get(c)).containsExactly("en");
		for (Replica stop : stops) {
			assertThat(only(resume(stop).items(), ids)).as("resumed from " + stop.cursor()).isEqualTo(truth);
		}
		// A client that has seen everything gets nothing more.
		Replica done = resume(stops.getLast());
		assertThat(resume(done).cursor()).isEqualTo(done.cursor());
	}
}
