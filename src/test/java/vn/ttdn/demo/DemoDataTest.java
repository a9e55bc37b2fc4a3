package vn.ttdn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ttdn.IntegrationTest;
import vn.ttdn.Seeds;

/** The demo data holds every body and duty of the three regulations, verbatim, and loads only once. */
@IntegrationTest
class DemoDataTest {

	/** Duties per regulation, counted article by article in RegulationTextTest. */
	static final Map<String, Long> DUTIES = Map.of("01", 38L, "35", 43L, "74", 48L);
	static final Map<String, String> SEED = Map.of("01", "000", "35", "002", "74", "004");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoDataLoader loader;

	record Row(String code, long units, long duties) {
	}

	/** The table of docs/demo-data.md: | code | name | units | duties | */
	static Map<String, long[]> documentedCounts() throws IOException {
		Map<String, long[]> counts = new LinkedHashMap<>();
		Matcher m = Pattern.compile("(?m)^\\|\\s*(\\d{2})\\s*\\|[^|]+\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*\\|")
			.matcher(Files.readString(Path.of("docs/demo-data.md")));
		while (m.find()) {
			counts.put(m.group(1), new long[] { Long.parseLong(m.group(2)), Long.parseLong(m.group(3)) });
		}
		return counts;
	}

	List<Row> counts() {
		return jdbc.sql("""
				select j.code,
				  (select count(*) from unit u where u.jurisdiction_code = j.code and u.origin = 'SEED') as units,
				  (select count(*) from duty d where d.jurisdiction_code = j.code) as duties
				from jurisdiction j where j.code in ('01', '35', '74') order by j.code""")
			.query(Row.class)
			.list();
	}

	@Test
	void everyDutyOfTheThreeRegulationsIsThereAndTheDocumentationSaysSo() throws IOException {
		Map<String, long[]> documented = documentedCounts();
		assertThat(documented).containsOnlyKeys("01", "35", "74");
		for (Row row : counts()) {
			assertThat(row.duties()).as("duties of %s", row.code()).isEqualTo(DUTIES.get(row.code()));
			assertThat(documented.get(row.code())).as("docs/demo-data.md for %s", row.code())
				.containsExactly(row.units(), row.duties());
		}
	}

	@Test
	void dutiesAreVerbatimWithTheirArticle() {
		record Duty(String jurisdictionCode, int article, String text) {
		}
		List<Duty> duties = jdbc.sql("select jurisdiction_code, article, text from duty").query(Duty.class).list();
		assertThat(duties).hasSize(38 + 43 + 48);
		for (Duty duty : duties) {
			String seed = Seeds.withoutMarks(SEED.get(duty.jurisdictionCode()));
			for (String line : duty.text().split("\n")) {
				assertThat(seed).as("Điều %d of %s", duty.article(), duty.jurisdictionCode()).contains(line);
			}
		}
	}

	@Test
	void everyArticleOfTheDutyChaptersBelongsToTheBodyItNames() {
		record Holder(String document, int article, String unit) {
		}
		List<Holder> holders = jdbc.sql("""
				select distinct d.document_number as document, d.article, n.name as unit
				from duty d join duty_assignment a on a.duty_id = d.id and a.valid_from = (
				  select min(a2.valid_from) from duty_assignment a2 where a2.duty_id = d.id)
				join unit_name n on n.unit_id = a.unit_id and n.valid_from is null
				order by 1, 2""")
			.query(Holder.class)
			.list();
		assertThat(holders).contains(new Holder("16/2020/QĐ-UBND", 18, "Sở Ngoại vụ"),
				new Holder("28/2018/QĐ-UBND", 10, "Văn phòng Ủy ban nhân dân tỉnh"),
				new Holder("32/2019/QĐ-UBND", 10, "Sở Ngoại vụ"),
				new Holder("16/2020/QĐ-UBND", 26, "Ủy ban nhân dân quận, huyện, thị xã"));
		assertThat(holders).hasSize(13 + 12 + 13);
	}

	@Test
	void loadingAgainAddsNothing() {
		List<Row> before = counts();
		long people = jdbc.sql("select count(*) from person").query(Long.class).single();
		loader.run(null);
		assertThat(counts()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(people);
	}
}
