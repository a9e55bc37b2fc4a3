package vn.ttdn.reporting;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import vn.ttdn.Accounts;

/** Ad-hoc requests made through the API for tests that need reports of their own. */
final class ReportingFixture {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockMvc mvc;
	private final JdbcClient jdbc;

	ReportingFixture(MockMvc mvc, JdbcClient jdbc) {
		this.mvc = mvc;
		this.jdbc = jdbc;
	}

	long unit(String demoKey) {
		return jdbc.sql("select id from unit where demo_key = ?").param(demoKey).query(Long.class).single();
	}

	/** The coordinating department asks units for a report due on {@code dueOn}; returns the period id. */
	long request(String coordinator, String jurisdiction, String subject, LocalDate dueOn, List<Long> units) throws Exception {
		String body = JSON.writeValueAsString(java.util.Map.of("jurisdiction", jurisdiction, "subject", subject, "unitIds", units,
				"dueOn", dueOn.toString(), "instructions", "Báo cáo theo mẫu mặc định."));
		String json = mvc.perform(post("/api/v1/reporting/requests").with(Accounts.as(coordinator))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return JSON.readTree(json).get("id").asLong();
	}

	long report(long periodId, long unitId) {
		return jdbc.sql("select id from report where period_id = ? and unit_id = ?").params(periodId, unitId).query(Long.class).single();
	}

	void save(String user, long report, java.util.Map<String, String> indicators, java.util.Map<String, String> narrative)
			throws Exception {
		mvc.perform(put("/api/v1/reports/" + report).with(Accounts.as(user)).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(java.util.Map.of("indicators", indicators, "narrative", narrative))))
			.andExpect(status().isOk());
	}

	org.springframework.test.web.servlet.ResultActions act(String user, long report, String action, String note) throws Exception {
		return mvc.perform(post("/api/v1/reports/" + report + "/transitions").with(Accounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(note == null ? java.util.Map.of("action", action)
					: java.util.Map.of("action", action, "note", note))));
	}

	/** Moves a period's due date into the past, as if the request had been made earlier. */
	void dueDaysAgo(long periodId, int days) {
		LocalDate last = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(days);
		jdbc.sql("update reporting_period set last_on_time_day = ?, due_before = ? where id = ?")
			.params(last, last.plusDays(1), periodId)
			.update();
	}
}
