package vn.ttdn.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ttdn.Accounts.as;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.ttdn.IntegrationTest;

/**
 * The jurisdiction's draft goes out for comments to chosen bodies by a date; a consulted body
 * answers with its document; the coordinating department records the handling; the plan keeps a
 * version at every step. The comment is Sở Du lịch's on the 2023 draft (003, document 153/SDL-QHPTTNDL).
 */
@IntegrationTest
class ConsultationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long unit(String key) {
		return jdbc.sql("select id from unit where demo_key = ?").param(key).query(Long.class).single();
	}

	ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user, String json) throws Exception {
		return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json).with(as(user)));
	}

	@Test
	void chosenBodiesAreAskedAndAnswerAndEveryAnswerIsHandled() throws Exception {
		String created = send(post("/api/v1/plans"), "hn.dieuphoi", "{\"jurisdiction\":\"01\",\"year\":2033}")
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		int plan = JsonPath.read(created, "$.plan.id");
		long tourism = unit("hn-sdl");
		String due = LocalDate.now().plusDays(10).toString();
		String ask = "{\"unitIds\":[%d],\"dueOn\":\"%s\"}".formatted(tourism, due);

		// not yet out for consultation
		send(post("/api/v1/plans/{id}/consultations", plan), "hn.dieuphoi", ask).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Kế hoạch đang ở trạng thái «Dự thảo», không trong thời gian lấy ý kiến."));
		send(post("/api/v1/plans/{id}/transitions", plan), "hn.dieuphoi", "{\"action\":\"OPEN_CONSULTATION\"}").andExpect(status().isOk());

		// only the coordinating department asks, and not for a date already past
		send(post("/api/v1/plans/{id}/consultations", plan), "hn.dulich.canbo", ask).andExpect(status().isForbidden());
		send(post("/api/v1/plans/{id}/consultations", plan), "hn.dieuphoi",
				"{\"unitIds\":[%d],\"dueOn\":\"2023-02-20\"}".formatted(tourism))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Hạn góp ý phải là hôm nay hoặc một ngày sau hôm nay."));
		send(post("/api/v1/plans/{id}/consultations", plan), "hn.dieuphoi", ask).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].bodyText").value("Sở Du lịch"))
			.andExpect(jsonPath("$[0].dueOn").value(due))
			.andExpect(jsonPath("$[0].state").value("PENDING"));

		// a body that was not asked cannot answer; the asked one answers with its document
		String comment = jdbc.sql("select text from plan_comment where document_number = '153/SDL- QHPTTNDL'").query(String.class).single();
		String body = "{\"text\":%s,\"documentNumber\":\"153/SDL- QHPTTNDL\",\"documentDate\":\"2023-02-28\"}"
			.formatted(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(comment));
		send(post("/api/v1/plans/{id}/comments", plan), "hn.vpub.canbo", body).andExpect(status().isForbidden());
		send(post("/api/v1/plans/{id}/comments", plan), "hn.dulich.canbo", "{\"text\":\"  \"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Nhập nội dung góp ý."));
		String comments = send(post("/api/v1/plans/{id}/comments", plan), "hn.dulich.canbo", body).andExpect(status().isCreated())
			.andExpect(jsonPath("$[0].bodyText").value("Sở Du lịch"))
			.andExpect(jsonPath("$[0].document").value("Văn bản số 153/SDL- QHPTTNDL"))
			.andExpect(jsonPath("$[0].documentDate").value("2023-02-28"))
			.andExpect(jsonPath("$[0].text").value(comment))
			.andExpect(jsonPath("$[0].handling").value("NONE"))
			.andReturn().getResponse().getContentAsString();
		int commentId = JsonPath.read(comments, "$[0].id");
		mvc.perform(get("/api/v1/plans/{id}/consultations", plan).with(as("hn.dieuphoi"))).andExpect(jsonPath("$[0].state").value("ANSWERED"));

		// the handling: by the coordinating department only; explaining needs the reason
		send(put("/api/v1/comments/{id}/handling", commentId), "hn.dulich.canbo", "{\"handling\":\"ACCEPTED\"}").andExpect(status().isForbidden());
		send(put("/api/v1/comments/{id}/handling", commentId), "hn.dieuphoi", "{\"handling\":\"EXPLAINED\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Giải trình hoặc không tiếp thu thì phải ghi rõ lý do."));
		send(put("/api/v1/comments/{id}/handling", commentId), "hn.dieuphoi",
				"{\"handling\":\"EXPLAINED\",\"explanation\":\"Nội dung đã có tại nhiệm vụ IV.2 của Phụ lục.\"}")
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/plans/{id}/comments", plan).with(as("hn.lanhdao")))
			.andExpect(jsonPath("$[0].handling").value("EXPLAINED"))
			.andExpect(jsonPath("$[0].handlingText").value("Nội dung đã có tại nhiệm vụ IV.2 của Phụ lục."));
		assertThat(jdbc.sql("select handled_by from plan_comment where id = ?").param(commentId).query(String.class).single())
			.isEqualTo("hn.dieuphoi");

		// submitted: no more comments; the plan kept a version at each step
		send(post("/api/v1/plans/{id}/transitions", plan), "hn.dieuphoi", "{\"action\":\"SUBMIT\"}").andExpect(status().isOk());
		send(post("/api/v1/plans/{id}/comments", plan), "hn.dulich.canbo", body).andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/v1/plans/{id}/versions", plan).with(as("hn.dieuphoi")))
			.andExpect(jsonPath("$[*].status").value(contains("SUBMITTED", "CONSULTATION")))
			.andExpect(jsonPath("$[*].takenBy").value(contains("hn.dieuphoi", "hn.dieuphoi")));
		mvc.perform(get("/api/v1/plans/{id}/versions/2", plan).with(as("hn.dieuphoi")))
			.andExpect(jsonPath("$.snapshot.title").value("Kế hoạch thông tin đối ngoại năm 2033"))
			.andExpect(jsonPath("$.changes.added").isEmpty());
		// the page shows the request and the handling form to the coordinating department
		String page = mvc.perform(get("/plans/{id}", plan).param("view", "comments").with(as("hn.dieuphoi")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("data-testid=\"consultations\"", "Đã góp ý", "Ghi cách xử lý");
	}

	@Test
	void versionsShowWhatChangedInTheAppendix() {
		var task = new PlanVersions.TaskText("I", null, 1, "Tổ chức họp báo", "Quý I/2023", "Sở Ngoại vụ", "");
		var moved = new PlanVersions.TaskText("I", null, 1, "Tổ chức họp báo", "Quý II/2023", "Sở Ngoại vụ", "");
		var added = new PlanVersions.TaskText("I", null, 2, "Xuất bản ấn phẩm", "Năm 2023", "Sở Du lịch", "");
		var before = new PlanVersions.Snapshot("Kế hoạch", null, java.util.Map.of(), List.of(task));
		var after = new PlanVersions.Snapshot("Kế hoạch", null, java.util.Map.of(), List.of(moved, added));
		var changes = PlanVersions.compare(before, after);
		assertThat(changes.added()).containsExactly(added);
		assertThat(changes.changed()).containsExactly(List.of(task, moved));
		assertThat(changes.removed()).isEmpty();
		assertThat(changes.textChanged()).isFalse();
	}
}
