package vn.ttdn.promotion;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.ttdn.Accounts.as;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Items contributed and moved through the workflow by Hà Nội's demo accounts, through the API. */
final class Contributions {

	private final MockMvc mvc;

	Contributions(MockMvc mvc) {
		this.mvc = mvc;
	}

	static String item(String classification, String viTitle, String enTitle) {
		return """
				{"kind":"PHOTO","fields":["CULTURE"],"tags":["thử nghiệm"],"place":"Hà Nội","date":"2026-05-01",
				 "credit":"Sở Du lịch Hà Nội","licence":"CC BY 4.0","classification":"%s",
				 "translations":[{"language":"vi","title":"%s","summary":"Tóm tắt %s"},
				                 {"language":"en","title":"%s","summary":"Summary of %s"}]}"""
			.formatted(classification, viTitle, viTitle, enTitle, enTitle);
	}

	ResultActions upload(String user, String json, MockMultipartFile... files) throws Exception {
		var request = multipart("/api/v1/promotion/items")
			.file(new MockMultipartFile("item", "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8)));
		for (MockMultipartFile f : files) {
			request.file(f);
		}
		return mvc.perform(request.with(as(user)));
	}

	long create(String viTitle, String enTitle) throws Exception {
		String body = upload("hn.dulich.canbo", item("PUBLIC", viTitle, enTitle), photo("anh.png"))
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	ResultActions act(String user, long id, String action, String extra) throws Exception {
		return mvc.perform(post("/api/v1/promotion/items/{id}/actions", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\":\"" + action + "\"" + extra + "}").with(as(user)));
	}

	/** Contributed, reviewed and cleared as public: ready to publish. */
	long cleared(String viTitle, String enTitle) throws Exception {
		long id = create(viTitle, enTitle);
		act("hn.dulich.canbo", id, "SUBMIT", "");
		act("hn.dieuphoi", id, "APPROVE_CONTENT", "");
		act("hn.anninh", id, "CLEAR", ",\"classification\":\"PUBLIC\"");
		return id;
	}

	long published(String viTitle, String enTitle, List<String> languages) throws Exception {
		long id = cleared(viTitle, enTitle);
		publish(id, languages);
		return id;
	}

	void publish(long id, List<String> languages) throws Exception {
		act("hn.dieuphoi", id, "PUBLISH", ",\"languages\":[\"" + String.join("\",\"", languages) + "\"]");
	}

	void withdraw(long id) throws Exception {
		act("hn.dieuphoi", id, "WITHDRAW", ",\"note\":\"Thông tin cần kiểm tra lại\"");
	}

	static MockMultipartFile photo(String name) throws Exception {
		return new MockMultipartFile("files", name, "image/png", png(800, 600));
	}

	static byte[] png(int width, int height) throws Exception {
		var image = new BufferedImage(width, height, width * height > 10_000_000 ? BufferedImage.TYPE_BYTE_BINARY
				: BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(java.awt.Color.ORANGE);
		g.fillRect(0, 0, width / 2, height / 2);
		g.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}
}
