package vn.ttdn.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ttdn.Accounts.as;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.ttdn.IntegrationTest;

@IntegrationTest
class AppendixImportTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	record Task(String group, int number, String content, String schedulePhrase, String leadText, String cooperatingText) {
	}

	List<Task> tasksOf(long plan) {
		return jdbc.sql("""
				select group_code as "group", number, content, schedule_phrase, lead_text, cooperating_text
				from plan_task where plan_id = ? order by position""").param(plan).query(Task.class).list();
	}

	long plan2023() {
		return jdbc.sql("select id from plan where number = '101/KH-UBND'").query(Long.class).single();
	}

	/** A new draft plan of Hà Nội for 2023, so that bodies are matched against the registry of that year. */
	long draft() throws Exception {
		String body = mvc.perform(post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.content("{\"jurisdiction\":\"01\",\"year\":2023,\"title\":\"Dự thảo thử\"}").with(as("hn.dieuphoi")))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.plan.id")).longValue();
	}

	ResultActions upload(long plan, String name, byte[] content, String user) throws Exception {
		return mvc.perform(multipart("/api/v1/plans/{id}/appendix", plan).file(new MockMultipartFile("file", name,
				"application/octet-stream", content)).with(as(user)));
	}

	ResultActions confirm(long plan, String importId, String mapping) throws Exception {
		return mvc.perform(post("/api/v1/plans/{id}/appendix/{imp}/confirm", plan, importId).contentType(MediaType.APPLICATION_JSON)
			.content("{\"mapping\":" + mapping + "}").with(as("hn.dieuphoi")));
	}

	/** The tasks are saved in the background: asks for the progress until the import has finished. */
	String finished(long plan, String importId) throws Exception {
		for (int i = 0; i < 300; i++) {
			String progress = mvc.perform(get("/api/v1/plans/{id}/appendix/{imp}", plan, importId).with(as("hn.dieuphoi")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			if (!"RUNNING".equals(JsonPath.read(progress, "$.status"))) {
				return progress;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import " + importId + " still running after 30 s");
	}

	/** Done means 3: the appendix written by the export imports back into the same 49 tasks, from .docx and from .xlsx. */
	@Test
	void theExportedAppendixImportsBackIntoTheSame49Tasks() throws Exception {
		for (String format : List.of("docx", "xlsx")) {
			byte[] file = mvc.perform(get("/api/v1/plans/{id}/export", plan2023()).param("format", format).with(as("hn.dieuphoi")))
				.andReturn().getResponse().getContentAsByteArray();
			long draft = draft();
			String preview = upload(draft, "phu-luc." + format, file, "hn.dieuphoi")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.tasks.length()").value(49))
				.andExpect(jsonPath("$.errors").isEmpty())
				.andExpect(jsonPath("$.unmatched").isEmpty())
				.andReturn().getResponse().getContentAsString();
			assertThat(tasksOf(draft)).as("nothing saved before confirming").isEmpty();
			String importId = JsonPath.read(preview, "$.id");
			confirm(draft, importId, "{}").andExpect(status().isAccepted()).andExpect(jsonPath("$.total").value(49));
			assertThat(JsonPath.<String>read(finished(draft, importId), "$.status")).isEqualTo("DONE");
			// confirming the same preview again saves nothing twice
			confirm(draft, importId, "{}").andExpect(status().isUnprocessableContent());
			List<Task> expected = tasksOf(plan2023());
			List<Task> imported = tasksOf(draft);
			if ("docx".equals(format)) {
				// Word keeps the lines of a cell as paragraphs, read back joined by line breaks.
				expected = expected.stream().map(t -> new Task(t.group(), t.number(), t.content().replace("\n", ""),
						t.schedulePhrase(), t.leadText(), t.cooperatingText())).toList();
				imported = imported.stream().map(t -> new Task(t.group(), t.number(), t.content().replace("\n", ""),
						t.schedulePhrase(), t.leadText(), t.cooperatingText())).toList();
			}
			assertThat(imported).as(format).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void aMessyDocxImportsAfterTheUserMapsWhatTheRegistryDoesNotKnow() throws Exception {
		long draft = draft();
		String preview = upload(draft, "Phu luc KH 2023.docx", AppendixImportTestFiles.messyDocx(), "hn.dieuphoi")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors").isEmpty())
			.andExpect(jsonPath("$.tasks.length()").value(3))
			.andExpect(jsonPath("$.tasks[0].group").value("I"))
			.andExpect(jsonPath("$.tasks[0].content").value("Theo dõi và tổng hợp dư luận báo chí ngoài nước\nvề thành phố Hà Nội. (tiếp theo) kèm báo cáo chuyên đề"))
			.andExpect(jsonPath("$.tasks[0].schedule.frequency").value("QUARTERLY"))
			.andExpect(jsonPath("$.tasks[0].lead.unitName").value("Sở Thông tin và Truyền thông"))
			.andExpect(jsonPath("$.tasks[1].lead.unitName").value("Sở Thông tin và Truyền thông"))
			.andExpect(jsonPath("$.tasks[1].cooperating[0].unitName").value("Ủy ban nhân dân quận, huyện, thị xã"))
			.andExpect(jsonPath("$.tasks[1].cooperating[1].unitId").doesNotExist())
			.andExpect(jsonPath("$.unmatched[0]").value("Ban Quản lý phố cổ Hà Nội"))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(preview, "$.id");
		confirm(draft, id, "{}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Còn cơ quan chưa được đối chiếu: Ban Quản lý phố cổ Hà Nội."));
		assertThat(tasksOf(draft)).isEmpty();
		long office = jdbc.sql("select id from unit where demo_key = 'hn-vpub'").query(Long.class).single();
		confirm(draft, id, "{\"Ban Quản lý phố cổ Hà Nội\":" + office + "}").andExpect(status().isAccepted())
			.andExpect(jsonPath("$.total").value(3));
		String done = finished(draft, id);
		assertThat(JsonPath.<String>read(done, "$.status")).isEqualTo("DONE");
		assertThat(JsonPath.<Integer>read(done, "$.done")).isEqualTo(3);
		// the progress page, asked again by htmx, sends the browser to the plan with the message
		mvc.perform(get("/plans/{id}/appendix/{imp}", draft, id).header("HX-Request", "true").with(as("hn.dieuphoi")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("HX-Redirect", "/plans/" + draft))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("success", "Đã lưu 3 nhiệm vụ của phụ lục."));
		assertThat(jdbc.sql("select lead_unit_id from plan_task where plan_id = ? and number = 3").param(draft).query(Long.class).single())
			.isEqualTo(office);
	}

	@Test
	void brokenOrHostileFilesAreRefusedWithAMessageAndLeaveNothingBehind() throws Exception {
		long draft = draft();
		long previews = jdbc.sql("select count(*) from plan_import").query(Long.class).single();
		upload(draft, "ke-hoach.txt", "TT;Nội dung".getBytes(StandardCharsets.UTF_8), "hn.dieuphoi")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Chỉ nhận tệp .docx hoặc .xlsx."));
		upload(draft, "phu-luc.docx", "không phải Word".getBytes(StandardCharsets.UTF_8), "hn.dieuphoi")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Không đọc được tệp «phu-luc.docx»; vui lòng kiểm tra lại tệp."));
		upload(draft, "bomb.xlsx", zipBomb(), "hn.dieuphoi")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Không đọc được tệp «bomb.xlsx»; vui lòng kiểm tra lại tệp."));
		assertThat(jdbc.sql("select count(*) from plan_import").query(Long.class).single()).isEqualTo(previews);
		assertThat(tasksOf(draft)).isEmpty();
	}

	@Test
	void rowsThatAreNeitherTasksNorGroupsAreReportedLineByLineAndCannotBeSaved() throws Exception {
		var parsed = AppendixReader.tasks(List.of(
				List.of("TT", "Nội dung", "Tiến độ", "Cơ quan phụ trách", "Cơ quan phối hợp"),
				List.of("1", "Nhiệm vụ một", "Trong năm 2023", "Sở Ngoại vụ", ""),
				List.of("a", "Nhiệm vụ lạ", "", "Sở Du lịch", ""),
				List.of("2", "", "Tháng 3/2023", "", "")));
		assertThat(parsed.errors()).containsExactly(
				"Dòng 3: «a» không phải số thứ tự nhiệm vụ hay số La Mã của nhóm.",
				"Nhiệm vụ 2: thiếu nội dung.", "Nhiệm vụ 2: thiếu cơ quan phụ trách.");
	}

	@Test
	void onlyWhoMayEditTheDraftMayImportAndNotIntoAnIssuedPlan() throws Exception {
		long draft = draft();
		upload(draft, "a.docx", AppendixImportTestFiles.messyDocx(), "hn.dulich.canbo").andExpect(status().isForbidden());
		upload(plan2023(), "a.docx", AppendixImportTestFiles.messyDocx(), "hn.dieuphoi").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Kế hoạch đang ở trạng thái «Đã ban hành», không thể sửa."));
	}

	/** An .xlsx whose worksheet inflates from about 100 KB to 100 MB. */
	static byte[] zipBomb() throws Exception {
		var out = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
				.getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] spaces = new byte[1024 * 1024];
			java.util.Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 100; i++) {
				zip.write(spaces);
			}
		}
		return out.toByteArray();
	}
}
