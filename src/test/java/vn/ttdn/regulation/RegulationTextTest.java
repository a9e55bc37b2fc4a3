package vn.ttdn.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import vn.ttdn.Seeds;
import vn.ttdn.regulation.RegulationText.Article;

/**
 * The regulations' duty chapters, read from the seed texts. The expected numbers of duties per
 * article were counted by reading the seeds (numbered clauses, bullets, or the whole article).
 */
class RegulationTextTest {

	/** 000 (Hà Nội, 16/2020/QĐ-UBND) Chương III, Điều 15–27. */
	static final Map<Integer, Integer> HANOI = Map.ofEntries(Map.entry(15, 10), Map.entry(16, 4), Map.entry(17, 1),
			Map.entry(18, 5), Map.entry(19, 2), Map.entry(20, 3), Map.entry(21, 1), Map.entry(22, 1), Map.entry(23, 2),
			Map.entry(24, 3), Map.entry(25, 1), Map.entry(26, 3), Map.entry(27, 2));

	/** 002 (Hà Nam, 28/2018/QĐ-UBND) Chương III, Điều 9–20. */
	static final Map<Integer, Integer> HANAM = Map.ofEntries(Map.entry(9, 12), Map.entry(10, 5), Map.entry(11, 5),
			Map.entry(12, 3), Map.entry(13, 2), Map.entry(14, 3), Map.entry(15, 1), Map.entry(16, 2), Map.entry(17, 1),
			Map.entry(18, 2), Map.entry(19, 6), Map.entry(20, 1));

	/** 004 (Bình Dương, 32/2019/QĐ-UBND) Chương III, Điều 9–21. */
	static final Map<Integer, Integer> BINHDUONG = Map.ofEntries(Map.entry(9, 9), Map.entry(10, 8), Map.entry(11, 1),
			Map.entry(12, 2), Map.entry(13, 4), Map.entry(14, 3), Map.entry(15, 3), Map.entry(16, 3), Map.entry(17, 3),
			Map.entry(18, 2), Map.entry(19, 2), Map.entry(20, 2), Map.entry(21, 6));

	static Map<Integer, Integer> dutiesPerArticle(String prefix, Map<Integer, Integer> chapter) {
		return RegulationText.articles(Seeds.text(prefix)).stream()
			.filter(a -> chapter.containsKey(a.number()))
			.collect(Collectors.toMap(Article::number, a -> a.duties().size(), (a, b) -> a, TreeMap::new));
	}

	@Test
	void readsEveryDutyOfTheThreeDutyChapters() {
		assertThat(dutiesPerArticle("000", HANOI)).isEqualTo(new TreeMap<>(HANOI));
		assertThat(dutiesPerArticle("002", HANAM)).isEqualTo(new TreeMap<>(HANAM));
		assertThat(dutiesPerArticle("004", BINHDUONG)).isEqualTo(new TreeMap<>(BINHDUONG));
	}

	@Test
	void readsEveryArticleOfEachRegulationAndStopsAtTheSignature() {
		assertThat(RegulationText.articles(Seeds.text("000"))).extracting(Article::number)
			.containsExactlyElementsOf(range(1, 30));
		assertThat(RegulationText.articles(Seeds.text("002"))).extracting(Article::number)
			.containsExactlyElementsOf(range(1, 22));
		assertThat(RegulationText.articles(Seeds.text("004"))).extracting(Article::number)
			.containsExactlyElementsOf(range(1, 23));
	}

	@Test
	void keepsTheWordsOfEveryDutyVerbatim() {
		for (String prefix : List.of("000", "002", "004")) {
			String seed = Seeds.withoutMarks(prefix);
			for (Article article : RegulationText.articles(Seeds.text(prefix))) {
				for (var duty : article.duties()) {
					for (String line : duty.text().split("\n")) {
						assertThat(seed).as("%s Điều %d", prefix, article.number()).contains(line);
					}
				}
			}
		}
	}

	@Test
	void understandsTheShapesOfArticles() {
		var hanoi = byNumber("000");
		// "Điều 21. Sở Nội vụ: Phối hợp …" — the duty follows the colon of the heading.
		assertThat(hanoi.get(21).title()).isEqualTo("Sở Nội vụ");
		assertThat(hanoi.get(21).duties()).singleElement()
			.satisfies(d -> assertThat(d.text()).startsWith("Phối hợp Sở Thông tin và Truyền thông hướng dẫn"));
		// Điều 16 lists its duties as bullets.
		assertThat(hanoi.get(16).title()).isEqualTo("Đề nghị Ban Tuyên giáo Thành ủy");
		assertThat(hanoi.get(16).duties()).extracting(RegulationText.Clause::label)
			.containsExactly("ý 1", "ý 2", "ý 3", "ý 4");
		// Điều 18 khoản 3: Sở Ngoại vụ manages foreign reporters in Hà Nội.
		assertThat(hanoi.get(18).clauses().get(2).text()).startsWith("Thống nhất quản lý phóng viên nước ngoài");

		var hanam = byNumber("002");
		assertThat(hanam.get(10).title()).isEqualTo("Văn phòng Ủy ban nhân dân tỉnh");
		assertThat(hanam.get(10).clauses().get(3).text())
			.contains("quản lý, hướng dẫn các đoàn phóng viên báo chí nước ngoài");
		// Điều 20 has no clauses: its two paragraphs are one duty.
		assertThat(hanam.get(20).duties()).singleElement()
			.satisfies(d -> assertThat(d.text().split("\n")).hasSize(2));

		var binhDuong = byNumber("004");
		// Điều 21 opens with a lead-in, then six clauses.
		assertThat(binhDuong.get(21).leadIn()).startsWith("Các Sở, Ban, ngành, đoàn thể và Ủy ban nhân dân cấp huyện");
		assertThat(binhDuong.get(21).duties()).hasSize(6);
		assertThat(binhDuong.get(22).title()).isEqualTo("Chế độ báo cáo");
	}

	private static Map<Integer, Article> byNumber(String prefix) {
		return RegulationText.articles(Seeds.text(prefix)).stream().collect(Collectors.toMap(Article::number, a -> a));
	}

	private static List<Integer> range(int from, int to) {
		return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
	}
}
