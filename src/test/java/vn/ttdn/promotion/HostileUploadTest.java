package vn.ttdn.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ttdn.Accounts.as;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.ttdn.IntegrationTest;
import vn.ttdn.shared.TtdnProperties;

/**
 * Done means 4: a broken or hostile upload is refused with a message the user can read and leaves
 * nothing behind — no item, no stored file; and public renditions carry no location.
 */
@IntegrationTest
class HostileUploadTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TtdnProperties properties;

	long items() {
		return jdbc.sql("select count(*) from promo_item").query(Long.class).single();
	}

	long storedFiles() throws IOException {
		Path root = properties.dataDir().resolve("files");
		if (!Files.exists(root)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	/** Runs the upload and checks that it was refused with the message and that nothing was kept. */
	void refused(ResultActions upload, String message) throws Exception {
		upload.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.message", Matchers.containsString(message)));
	}

	ResultActions upload(String classification, MockMultipartFile file) throws Exception {
		return new Contributions(mvc).upload("hn.dulich.canbo", Contributions.item(classification, "Ảnh thử", "Test photo"), file);
	}

	@Test
	void brokenAndHostileMediaAreRefusedAndLeaveNothing() throws Exception {
		long items = items();
		long files = storedFiles();
		byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
		refused(upload("PUBLIC", new MockMultipartFile("files", "anh-ho-guom.jpg", "image/jpeg", pdf)),
				"Nội dung tệp «anh-ho-guom.jpg» không đúng với loại tệp theo tên");
		refused(upload("PUBLIC", new MockMultipartFile("files", "script.png", "image/png", "<script>alert(1)</script>".getBytes())),
				"không đúng với loại tệp theo tên");
		refused(upload("PUBLIC", new MockMultipartFile("files", "panorama.png", "image/png", Contributions.png(13_000, 20))),
				"13000 × 20 điểm ảnh, vượt giới hạn");
		byte[] huge = new byte[(int) MediaCheck.MAX_BYTES + 1];
		huge[0] = (byte) 0xff;
		huge[1] = (byte) 0xd8;
		huge[2] = (byte) 0xff;
		refused(upload("PUBLIC", new MockMultipartFile("files", "lon.jpg", "image/jpeg", huge)), "quá lớn (tối đa 20 MB)");
		refused(upload("PUBLIC", new MockMultipartFile("files", "tai-lieu.exe", "application/octet-stream", pdf)),
				"chỉ nhận ảnh JPEG, PNG, video MP4, WebM hoặc PDF");
		// Classified material is refused with the reason it does not belong here, in the user's language.
		refused(upload("SECRET", Contributions.photo("mat.png")), "thuộc bí mật nhà nước: không được đưa vào hệ thống");
		new Contributions(mvc).upload("hn.dulich.canbo", Contributions.item("TOP_SECRET", "Ảnh", "Photo"), Contributions.photo("x.png"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(multipart("/api/v1/promotion/items?lang=en")
			.file(new MockMultipartFile("item", "", "application/json",
					Contributions.item("CONFIDENTIAL", "Ảnh", "Photo").getBytes(StandardCharsets.UTF_8)))
			.with(as("hn.dulich.canbo")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message", Matchers.containsString("does not belong in this (public) promotion collection")));
		assertThat(items()).isEqualTo(items);
		assertThat(storedFiles()).isEqualTo(files);
	}

	@Test
	void publicRenditionsCarryNoLocation() throws Exception {
		byte[] jpeg = withGps(MediaCheck.jpeg(new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB)));
		assertThat(contains(jpeg, "Exif")).isTrue();
		var work = new Contributions(mvc);
		String body = work.upload("hn.dulich.canbo", Contributions.item("PUBLIC", "Ảnh có tọa độ", "Photo with location"),
				new MockMultipartFile("files", "gps.jpg", "image/jpeg", jpeg))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		work.act("hn.dulich.canbo", id, "SUBMIT", "");
		work.act("hn.dieuphoi", id, "APPROVE_CONTENT", "");
		work.act("hn.anninh", id, "CLEAR", ",\"classification\":\"PUBLIC\"");
		work.publish(id, java.util.List.of("vi"));
		long media = jdbc.sql("select id from promo_media where item_id = ?").param(id).query(Long.class).single();
		for (String rendition : new String[] { "web", "thumb" }) {
			byte[] served = mvc.perform(get("/media/{id}/{r}.jpg", media, rendition)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
			assertThat(contains(served, "Exif")).as(rendition).isFalse();
			assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served))).isNotNull();
		}
	}

	@Test
	void aZipBombIsRefusedBeforeItIsExpanded() throws Exception {
		long files = storedFiles();
		byte[] zeros = new byte[1024 * 1024];
		var out = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("manifest.csv"));
			zip.write("ref,kind,language,title,media\nx,PHOTO,vi,Bom,bom.jpg\n".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("bom.jpg"));
			for (int i = 0; i < 64; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		assertThat(out.size()).isLessThan(200_000);
		importZip(out.toByteArray(), "hn.dulich.canbo")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message", Matchers.containsString("bom ZIP")));
		importZip("PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1), "hn.dulich.canbo")
			.andExpect(status().isUnprocessableContent());
		importZip(zip(Map.of("../../etc/passwd", "x".getBytes())), "hn.dulich.canbo")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message", Matchers.containsString("không hợp lệ")));
		assertThat(storedFiles()).isEqualTo(files);
	}

	@Test
	void aManifestWithBadRowsIsReportedLineByLineAndImportsNothing() throws Exception {
		long items = items();
		long files = storedFiles();
		byte[] png = Contributions.png(400, 300);
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("manifest.csv", """
				ref,kind,fields,date,classification,language,title,summary,media
				a,PHOTO,CULTURE,01/05/2026,PUBLIC,vi,Ảnh tốt,"Tóm tắt, có dấu phẩy",a.png
				a,PHOTO,CULTURE,01/05/2026,PUBLIC,en,Good photo,,
				b,PAINTING,CULTURE,01/05/2026,PUBLIC,vi,Loại lạ,,
				c,PHOTO,CULTURE,31/02/2026,PUBLIC,vi,Ngày sai,,
				d,PHOTO,CULTURE,,PUBLIC,vi,Thiếu tệp,,khong-co.png
				e,PHOTO,CULTURE,,SECRET,vi,Tài liệu mật,,
				f,PHOTO,CULTURE,,PUBLIC,xx,Ngôn ngữ lạ,,
				g,PHOTO,CULTURE,,PUBLIC,vi,Tệp giả,,gia.png
				""".getBytes(StandardCharsets.UTF_8));
		entries.put("a.png", png);
		entries.put("gia.png", "not a png".getBytes());
		String preview = importZip(zip(entries), "hn.dulich.canbo")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("INVALID"))
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<java.util.List<Integer>>read(preview, "$.errors[*].line")).containsExactly(4, 5, 6, 7, 8, 9);
		assertThat(JsonPath.<java.util.List<String>>read(preview, "$.errors[*].message")).satisfiesExactly(
				m -> assertThat(m).contains("«PAINTING»"), m -> assertThat(m).contains("31/02/2026"),
				m -> assertThat(m).contains("khong-co.png"), m -> assertThat(m).contains("bí mật nhà nước"),
				m -> assertThat(m).contains("«xx»"), m -> assertThat(m).contains("gia.png"));
		long id = ((Number) JsonPath.read(preview, "$.id")).longValue();
		mvc.perform(post("/api/v1/promotion/imports/{id}/confirm", id).with(as("hn.dulich.canbo")))
			.andExpect(status().isUnprocessableContent());
		assertThat(items()).isEqualTo(items);
		assertThat(storedFiles()).isEqualTo(files);
	}

	@Test
	void aGoodPackageIsPreviewedThenImportedInTheBackgroundAsDrafts() throws Exception {
		long items = items();
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("manifest.csv", """
				ref,kind,fields,tags,place,date,credit,classification,language,title,summary,media,caption
				p1,PHOTO,TOURISM;CULTURE,hồ;cầu,Hà Nội,01/05/2026,Sở Du lịch,PUBLIC,vi,Ảnh nhập một,Tóm tắt một,anh/p1.png,Chú thích
				p1,PHOTO,TOURISM;CULTURE,,,,,PUBLIC,en,Imported photo one,Summary one,,
				p2,ARTICLE,HISTORY,,,,,INTERNAL,vi,Bài nhập hai,,,
				""".getBytes(StandardCharsets.UTF_8));
		entries.put("anh/p1.png", Contributions.png(500, 400));
		String preview = importZip(zip(entries), "hn.dulich.canbo")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PREVIEWED"))
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[0].languages[1]").value("en"))
			.andReturn().getResponse().getContentAsString();
		assertThat(items()).as("nothing saved by the preview").isEqualTo(items);
		long id = ((Number) JsonPath.read(preview, "$.id")).longValue();
		mvc.perform(get("/api/v1/promotion/imports/{id}", id).with(as("hn.vpub.canbo"))).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/promotion/imports/{id}/confirm", id).with(as("hn.dulich.canbo"))).andExpect(status().isOk());
		String status = "RUNNING";
		for (int i = 0; i < 200 && status.equals("RUNNING"); i++) {
			Thread.sleep(100);
			status = JsonPath.read(mvc.perform(get("/api/v1/promotion/imports/{id}", id).with(as("hn.dulich.canbo")))
				.andReturn().getResponse().getContentAsString(), "$.status");
		}
		assertThat(status).isEqualTo("DONE");
		assertThat(items()).isEqualTo(items + 2);
		assertThat(jdbc.sql("select i.status from promo_item i join promo_translation t on t.item_id = i.id where t.title = 'Imported photo one'")
			.query(String.class).single()).isEqualTo("DRAFT");
		assertThat(jdbc.sql("select count(*) from promo_media m join promo_translation t on t.item_id = m.item_id where t.title = 'Ảnh nhập một'")
			.query(Long.class).single()).isEqualTo(1);
	}

	ResultActions importZip(byte[] zip, String user) throws Exception {
		return mvc.perform(multipart("/api/v1/promotion/imports").file(new MockMultipartFile("file", "goi.zip", "application/zip", zip))
			.with(as(user)));
	}

	static byte[] zip(Map<String, byte[]> entries) {
		var out = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(out)) {
			for (var e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** A JPEG with an EXIF segment holding a GPS latitude, as a phone writes one. */
	static byte[] withGps(byte[] jpeg) {
		byte[] tiff = { 'M', 'M', 0, 42, 0, 0, 0, 8,
				0, 1, (byte) 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0,
				0, 1, 0, 1, 0, 2, 0, 0, 0, 2, 'N', 0, 0, 0, 0, 0, 0, 0 };
		byte[] exif = new byte[6 + tiff.length];
		System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
		System.arraycopy(tiff, 0, exif, 6, tiff.length);
		int app0 = 2 + 2 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
		var out = new ByteArrayOutputStream();
		out.write(jpeg, 0, app0);
		out.write(0xff);
		out.write(0xe1);
		out.write((exif.length + 2) >> 8);
		out.write((exif.length + 2) & 0xff);
		out.write(exif, 0, exif.length);
		out.write(jpeg, app0, jpeg.length - app0);
		return out.toByteArray();
	}

	static boolean contains(byte[] haystack, String needle) {
		byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i + n.length <= haystack.length; i++) {
			if (Arrays.equals(haystack, i, i + n.length, n, 0, n.length)) {
				return true;
			}
		}
		return false;
	}
}
