package vn.ttdn.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ttdn.Accounts.as;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.IntegrationTest;

/** The roll-up of task status agrees with the tasks' own pages, and follows what officers record. */
@IntegrationTest
class RollupTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlanImport imports;

	String body(String url, String user) throws Exception {
		return mvc.perform(get(url).with(as(user))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void theRollupOf2023CountsTheStatusesTheTasksOfThePlanShow() throws Exception {
		long plan = jdbc.sql("select id from plan where number = '101/KH-UBND'").query(Long.class).single();
		// both read at the same moment of the same day
		List<String> statuses = JsonPath.read(body("/api/v1/plans/" + plan, "hn.lanhdao"), "$.tasks[*].status");
		String rollup = body("/api/v1/plans/rollup?year=2023", "hn.vpub.canbo");
		Map<String, Long> shown = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		List<Map<String, Object>> rows = JsonPath.read(rollup, "$[?(@.key == '01')]");
		assertThat(rows).hasSize(1);
		Map<String, Object> hanoi = rows.getFirst();
		assertThat(hanoi.get("name")).isEqualTo("Thành phố Hà Nội");
		assertThat(((Number) hanoi.get("tasks")).longValue()).isEqualTo(49);
		assertThat(((Number) hanoi.get("done")).longValue()).isEqualTo(shown.getOrDefault("DONE", 0L));
		assertThat(((Number) hanoi.get("overdue")).longValue()).isEqualTo(shown.getOrDefault("OVERDUE", 0L));
		assertThat(((Number) hanoi.get("inProgress")).longValue()).isEqualTo(shown.getOrDefault("IN_PROGRESS", 0L));
		assertThat(((Number) hanoi.get("notStarted")).longValue()).isEqualTo(shown.getOrDefault("NOT_STARTED", 0L));
		// per lead unit within Hà Nội, the counts add up to the plan's 49
		List<Integer> perUnit = JsonPath.read(body("/api/v1/plans/rollup?year=2023&jurisdiction=01", "hn.lanhdao"), "$[*].tasks");
		assertThat(perUnit.stream().mapToInt(Integer::intValue).sum()).isEqualTo(49);
	}

	@Test
	void recordingProgressMovesATaskBetweenTheCounts() throws Exception {
		long vpub = jdbc.sql("select id from unit where demo_key = 'hn-vpub'").query(Long.class).single();
		String lead = jdbc.sql("select name from unit_name where unit_id = ? order by valid_from nulls first limit 1")
			.param(vpub).query(String.class).single();
		// three tasks of the 2023 appendix, as the UBND Office's own accepted plan of 2019 (a year long past)
		List<String> contents = jdbc.sql("select t.content from plan_task t join plan p on p.id = t.plan_id"
				+ " where p.number = '101/KH-UBND' order by t.position limit 2").query(String.class).list();
		long plan = imports.importPlan(new PlanImport.PlanSpec("01", vpub, 2019, PlanStatus.ACCEPTED, null, null, null,
				"Kế hoạch thông tin đối ngoại năm 2019", null, null, null, Map.of()),
				List.of(new PlanImport.TaskSpec(null, null, 1, contents.get(0), "Hàng quý", lead, null),
						new PlanImport.TaskSpec(null, null, 2, contents.get(1), "Tháng 3/2019", lead, null)),
				List.of(), "test");
		List<Long> tasks = jdbc.sql("select id from plan_task where plan_id = ? order by position").param(plan).query(Long.class).list();
		String key = String.valueOf(vpub);
		assertThat(row(key)).containsEntry("tasks", 2).containsEntry("overdue", 2).containsEntry("done", 0);

		// a record in each quarter of 2019: the quarterly task is no longer overdue, only in progress
		for (String day : List.of("2019-02-01", "2019-05-01", "2019-08-01", "2019-11-01")) {
			progress(tasks.get(0), day, false);
		}
		assertThat(row(key)).containsEntry("overdue", 1).containsEntry("inProgress", 1);
		// the March task is completed
		progress(tasks.get(1), "2019-03-20", true);
		assertThat(row(key)).containsEntry("overdue", 0).containsEntry("inProgress", 1).containsEntry("done", 1);
		// and the plan's own page says the same
		List<String> statuses = JsonPath.read(body("/api/v1/plans/" + plan, "hn.vpub.canbo"), "$.tasks[*].status");
		assertThat(statuses).containsExactly("IN_PROGRESS", "DONE");
	}

	@Test
	void theRollupPageShowsEveryJurisdictionWithTasks() throws Exception {
		String page = body("/tasks/rollup?year=2023", "hn.lanhdao");
		assertThat(page).contains("data-testid=\"rollup\"", "Thành phố Hà Nội", "data-key=\"01\"");
	}

	Map<String, Object> row(String key) throws Exception {
		List<Map<String, Object>> rows = JsonPath.read(body("/api/v1/plans/rollup?year=2019&jurisdiction=01", "hn.lanhdao"),
				"$[?(@.key == '" + key + "')]");
		assertThat(rows).hasSize(1);
		return rows.getFirst();
	}

	void progress(long task, String day, boolean completes) throws Exception {
		mvc.perform(post("/api/v1/tasks/{id}/progress", task).contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"Đã thực hiện\",\"completes\":%s,\"recordedOn\":\"%s\"}".formatted(completes, day))
			.with(as("hn.vpub.canbo"))).andExpect(status().is2xxSuccessful());
	}
}
