package vn.ttdn.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.IntegrationTest;

/**
 * C19 and 000 Art. 3.2: nothing unpublished, not cleared, withdrawn or kept internal leaves the
 * system — checked at every exit: portal pages and search, public API, RSS and Atom, sitemap,
 * media, press kits and the change feed — while what is published does.
 */
@IntegrationTest
class PublicExitsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	record Hidden(long id, String language, String title) {
	}

	String get200(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	long demo(String viTitlePrefix) {
		return jdbc.sql("select item_id from promo_translation where language = 'vi' and title like ?")
			.param(viTitlePrefix + "%").query(Long.class).single();
	}

	String title(long id, String language) {
		return jdbc.sql("select title from promo_translation where item_id = ? and language = ?").params(id, language)
			.query(String.class).single();
	}

	@Test
	void onlyPublishedPublicTranslationsLeaveThroughAnyExit() throws Exception {
		var work = new Contributions(mvc);
		long draft = work.create("Bản nháp Zyxưvu chưa gửi", "Unsent Zyxwvu draft");
		long reviewed = work.create("Mục Qoppa đã duyệt nội dung", "Qoppa reviewed item");
		work.act("hn.dulich.canbo", reviewed, "SUBMIT", "");
		work.act("hn.dieuphoi", reviewed, "APPROVE_CONTENT", "");
		long cleared = work.cleared("Mục Sampi đã thẩm định chưa đăng", "Sampi cleared unpublished item");
		long viOnly = work.published("Mục Digamma chỉ đăng tiếng Việt", "Digamma English not published", List.of("vi"));
		long withdrawn = work.published("Mục Koppa đã gỡ", "Koppa withdrawn item", List.of("vi", "en"));
		work.withdraw(withdrawn);

		List<Hidden> hidden = new ArrayList<>();
		for (long id : List.of(draft, reviewed, cleared, withdrawn, demo("Lễ hội chùa Hương"), demo("Bảng số liệu"),
				demo("Triển lãm ảnh mùa hoa sưa"))) {
			hidden.add(new Hidden(id, "vi", title(id, "vi")));
			hidden.add(new Hidden(id, "en", title(id, "en")));
		}
		hidden.add(new Hidden(viOnly, "en", title(viOnly, "en")));
		long visible = viOnly;

		// What is published does go out, so the checks below look in the right places.
		assertThat(get200("/vi/items/" + visible)).contains("Mục Digamma chỉ đăng tiếng Việt");
		assertThat(get200("/api/v1/public/items?lang=vi&q=Digamma")).contains("\"id\":" + visible);

		String sitemap = get200("/sitemap-0.xml");
		String changes = get200("/api/v1/public/changes?after=0&limit=1000");
		assertThat(sitemap).contains("/vi/items/" + visible + "<");
		for (Hidden h : hidden) {
			String what = h.id() + " " + h.language();
			mvc.perform(get("/{lang}/items/{id}", h.language(), h.id())).andExpect(status().isNotFound());
			mvc.perform(get("/{lang}/items/{id}/press-kit.zip", h.language(), h.id())).andExpect(status().isNotFound());
			mvc.perform(get("/api/v1/public/items/{id}", h.id()).param("lang", h.language())).andExpect(status().isNotFound());
			String word = h.title().split(" ")[1];
			assertThat(get200("/api/v1/public/items?lang=" + h.language() + "&q=" + word)).as(what).doesNotContain(h.title());
			assertThat(get200("/" + h.language() + "/search?q=" + word)).as(what).doesNotContain(h.title());
			assertThat(get200("/" + h.language() + "/")).as(what).doesNotContain(h.title());
			assertThat(get200("/" + h.language() + "/feed.rss")).as(what).doesNotContain(h.title()).doesNotContain("/items/" + h.id() + "<");
			assertThat(get200("/" + h.language() + "/feed.atom?field=CULTURE")).as(what).doesNotContain(h.title());
			assertThat(sitemap).as(what).doesNotContain("/" + h.language() + "/items/" + h.id() + "<");
			assertThat(changes).as(what).doesNotContain(h.title());
		}
		// Their pictures neither: no rendition of an item that is not public is served.
		for (long id : List.of(draft, reviewed, cleared, withdrawn)) {
			long media = jdbc.sql("select id from promo_media where item_id = ?").param(id).query(Long.class).single();
			mvc.perform(get("/media/{id}/web.jpg", media)).andExpect(status().isNotFound());
			mvc.perform(get("/media/{id}/thumb.jpg", media)).andExpect(status().isNotFound());
		}
		// The original upload is never served outside, even for a published item.
		long media = jdbc.sql("select id from promo_media where item_id = ?").param(visible).query(Long.class).single();
		mvc.perform(get("/media/{id}/web.jpg", media)).andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/jpeg"));
		mvc.perform(get("/media/{id}/file.png", media)).andExpect(status().isNotFound());
	}

	@Test
	void anonymousVisitorsReadThePortalAndTheApiWithoutAnAccount() throws Exception {
		long id = demo("Văn Miếu");
		String page = get200("/en/items/" + id);
		assertThat(page).contains("The Temple of Literature, Vietnam&#39;s first university")
			.contains("hreflang=\"zh\"").contains("property=\"og:title\"").contains("application/ld+json")
			.contains("Illustration generated by the system");
		assertThat(get200("/zh/")).contains("河内文庙国子监");
		String etag = mvc.perform(get("/api/v1/public/items/{id}", id).param("lang", "en"))
			.andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
		mvc.perform(get("/api/v1/public/items/{id}", id).param("lang", "en").header("If-None-Match", etag))
			.andExpect(status().isNotModified());
		mvc.perform(get("/api/v1/public/items").param("lang", "en").header("Origin", "https://press.example"))
			.andExpect(status().isOk()).andExpect(header().string("Access-Control-Allow-Origin", "*"));
		byte[] kit = mvc.perform(get("/en/items/{id}/press-kit.zip", id)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		List<String> names = new ArrayList<>();
		String captions = "";
		try (var zip = new ZipInputStream(new ByteArrayInputStream(kit))) {
			for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				names.add(e.getName());
				if (e.getName().equals("captions.txt")) {
					captions = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
				}
			}
		}
		assertThat(names).containsExactly("01-image.jpg", "captions.txt");
		assertThat(captions).contains("Credit: Sở Du lịch Hà Nội").contains("Licence: CC BY 4.0")
			.contains("Illustration generated by the system");
	}
}
