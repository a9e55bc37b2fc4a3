package vn.ttdn;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The pages that matter, in a real Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserTest {

	static Playwright playwright;
	static Browser browser;

	@LocalServerPort
	int port;

	BrowserContext context;
	Page page;

	@BeforeAll
	static void launch() {
		playwright = Playwright.create();
		var options = new BrowserType.LaunchOptions().setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking"));
		Path debian = Path.of("/usr/bin/chromium");
		if (Files.isExecutable(debian)) {
			options.setExecutablePath(debian);
		}
		browser = playwright.chromium().launch(options);
	}

	@AfterAll
	static void close() {
		browser.close();
		playwright.close();
	}

	@BeforeEach
	void open() {
		context = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
		page = context.newPage();
	}

	@AfterEach
	void screenshot(org.junit.jupiter.api.TestInfo info) throws Exception {
		Files.createDirectories(Path.of("target/screenshots"));
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Path.of("target/screenshots/" + info.getTestMethod().orElseThrow().getName() + ".png")));
		context.close();
	}

	void signIn(String username) {
		page.navigate("http://localhost:" + port + "/");
		page.getByLabel("Tên đăng nhập").fill(username);
		page.getByLabel("Mật khẩu").fill(IntegrationTest.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
		assertThat(page.getByTestId("current-user")).containsText(username.startsWith("hnam") ? "Hà Nam" : "");
	}

	/** 002 Art. 10.4: in Hà Nam the UBND Office manages foreign press delegations. */
	@Test
	void findsTheHanamUbndOfficeAndItsDutyAboutForeignReporters() {
		signIn("hnam.dieuphoi");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cơ quan, đơn vị").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Tỉnh Hà Nam");
		assertThat(page.getByTestId("unit-tree")).containsText("Văn phòng Ủy ban nhân dân tỉnh");

		page.getByLabel("Lọc theo tên").fill("van phong uy ban");
		page.getByLabel("Lọc theo tên").press("Enter");
		assertThat(page.getByTestId("unit-matches")).containsText("Văn phòng Ủy ban nhân dân tỉnh");
		page.getByTestId("unit-matches").getByText("Văn phòng Ủy ban nhân dân tỉnh").click();

		assertThat(page.getByTestId("unit-name")).hasText("Văn phòng Ủy ban nhân dân tỉnh");
		var duty = page.getByTestId("unit-duties").locator("li").filter(new com.microsoft.playwright.Locator.FilterOptions()
			.setHasText("đoàn phóng viên báo chí nước ngoài"));
		assertThat(duty).containsText("Điều 10 khoản 4");
		assertThat(duty).containsText("28/2018/QĐ-UBND");
		assertThat(page.getByTestId("unit-roles")).containsText("FOREIGN_REPORTERS");

		// The chooser takes the tree to another jurisdiction (its script obeys the page's Content-Security-Policy).
		page.navigate("http://localhost:" + port + "/org/35");
		page.getByTestId("jurisdiction-select").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("01 · Thành phố Hà Nội"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Thành phố Hà Nội");
	}

	/** An officer of Sở Du lịch records progress on a 2023 task it leads; the coordinating department sees it. */
	@Test
	void anOfficerRecordsProgressOnATaskAndTheCoordinatingDepartmentSeesIt() throws Exception {
		byte[] pdf = "%PDF-1.4\n% Biên bản hợp tác\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		Path evidence = Files.createTempDirectory("evidence").resolve("bien-ban-hop-tac.pdf");
		Files.write(evidence, pdf);
		signIn("hn.dulich.canbo");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nhiệm vụ của tôi")).click();
		page.getByTestId("my-tasks").getByText("Hợp tác phát triển du lịch với các đại sứ quán").click();
		page.getByLabel("Nội dung kết quả").fill("Ký biên bản hợp tác quảng bá du lịch với 3 đại sứ quán");
		page.getByLabel("Đường dẫn minh chứng").fill("https://example.org/bien-ban");
		page.getByLabel("Tệp minh chứng").setInputFiles(evidence);
		page.getByLabel("Nhiệm vụ đã hoàn thành").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ghi nhận kết quả")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã ghi nhận kết quả thực hiện.");
		assertThat(page.getByTestId("task-status")).containsText("Hoàn thành");
		String taskUrl = page.url();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng xuất")).click();

		signIn("hn.dieuphoi");
		page.navigate(taskUrl);
		assertThat(page.getByTestId("progress")).containsText("Ký biên bản hợp tác quảng bá du lịch với 3 đại sứ quán");
		assertThat(page.getByTestId("progress")).containsText("hn.dulich.canbo");
		var download = page.waitForDownload(() -> page.getByText("bien-ban-hop-tac.pdf").click());
		org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(download.path())).isEqualTo(pdf);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tổ chức hoạt động thông tin đối ngoại năm 2023")).click();
		page.getByLabel("Tình trạng").selectOption("DONE");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem")).click();
		assertThat(page.getByTestId("tasks")).containsText("Hợp tác phát triển du lịch với các đại sứ quán");
	}

	@Test
	void showsTheProgrammeBudgetTableWithItsDisagreements() {
		signIn("hn.lanhdao");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kế hoạch").setExact(true)).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("tăng cường đầu tư")).click();
		assertThat(page.getByTestId("disagreements")).containsText("văn bản ghi 106,972, cộng lại được 109,972");
		assertThat(page.getByTestId("in-words")).containsText("Một trăm linh sáu tỷ chín trăm bảy mươi hai triệu đồng");
	}

	/** The coordinating department starts a draft, imports an appendix from Word, maps a body the registry does not know. */
	@Test
	void importsATaskAppendixFromWordAfterMappingAnUnknownBody() throws Exception {
		Path file = Files.createTempFile("phu-luc", ".docx");
		Files.write(file, vn.ttdn.planning.AppendixImportTestFiles.messyDocx());
		signIn("hn.dieuphoi");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kế hoạch").setExact(true)).click();
		page.getByText("Lập kế hoạch").first().click();
		page.getByLabel("Năm").last().fill("2023");
		page.getByLabel("Tên").fill("Kế hoạch thông tin đối ngoại năm 2023 (dự thảo nhập từ tệp)");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lập kế hoạch")).click();
		page.getByLabel("Tệp phụ lục").setInputFiles(file);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem trước")).click();
		assertThat(page.getByTestId("import-tasks")).containsText("Theo dõi và tổng hợp dư luận báo chí ngoài nước");
		page.getByLabel("Ban Quản lý phố cổ Hà Nội").selectOption(new com.microsoft.playwright.options.SelectOption()
			.setLabel("Văn phòng Ủy ban nhân dân Thành phố"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xác nhận và lưu phụ lục")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã lưu 3 nhiệm vụ của phụ lục.");
		assertThat(page.getByTestId("tasks")).containsText("Quảng bá phố cổ");
		assertThat(page.getByTestId("tasks")).containsText("Quý III/2023");
	}

	@Test
	void showsTheRoleMatrixInEnglishToo() {
		signIn("hn.lanhdao");
		page.navigate("http://localhost:" + port + "/roles?asOf=2024-06-01&lang=en");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Regulation role matrix");
		assertThat(page.locator("td[data-role=FOREIGN_REPORTERS][data-jurisdiction='01']")).containsText("Sở Ngoại vụ");
		assertThat(page.locator("td[data-role=FOREIGN_REPORTERS][data-jurisdiction='35']")).containsText("Văn phòng Ủy ban nhân dân tỉnh");
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	void signOut() {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng xuất")).click();
	}

	/** Signs in, opens the report and presses a workflow button; checks the status it then shows. */
	void act(String user, String reportUrl, String button, String status) {
		signIn(user);
		page.navigate(reportUrl);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
		assertThat(page.getByTestId("report-status")).hasText(status);
	}

	/**
	 * C6, the full cycle: the coordinating department asks for a report; an officer of the UBND
	 * Office fills the default form, starting from the number of plan tasks the Planning module
	 * holds; the head submits; the report is returned with a comment, resubmitted, accepted, and
	 * appears in the consolidation.
	 */
	@Test
	void aUnitReportGoesThroughTheWholeCycleAndIntoTheConsolidation() {
		long vpub = jdbc.sql("select id from unit where demo_key = 'hn-vpub'").query(Long.class).single();
		long plan = jdbc.sql("""
				insert into plan (jurisdiction_code, unit_id, year, status, title, content, created_at)
				values ('01', ?, 2045, 'ACCEPTED', 'Kế hoạch thử của Văn phòng UBND', '{}'::jsonb, now()) returning id""")
			.param(vpub).query(Long.class).single();
		jdbc.sql("""
				insert into plan_task (plan_id, position, content, schedule_phrase, schedule_kind, lead_text, lead_unit_id, completed_on)
				values (?, 1, 'Tổ chức họp báo quốc tế', 'Năm 2045', 'WITHIN', 'Văn phòng UBND Thành phố', ?, ?)""")
			.params(plan, vpub, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).update();
		String subject = "Báo cáo nhanh kết quả thông tin đối ngoại dịp kỷ niệm ngày Giải phóng Thủ đô";
		String due = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(10)
			.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));

		signIn("hn.dieuphoi");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Báo cáo").setExact(true)).click();
		page.getByText("Yêu cầu báo cáo đột xuất").click();
		page.getByLabel("Nội dung yêu cầu báo cáo").fill(subject);
		page.getByLabel("Hạn gửi (đến hết ngày, dd/MM/yyyy)").fill(due);
		page.getByLabel("Các đơn vị được yêu cầu").selectOption(new com.microsoft.playwright.options.SelectOption()
			.setLabel("Văn phòng Ủy ban nhân dân Thành phố"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi yêu cầu")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(subject);
		assertThat(page.getByTestId("reports")).containsText("Văn phòng Ủy ban nhân dân Thành phố");
		signOut();

		signIn("hn.vpub.canbo");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Báo cáo").setExact(true)).click();
		page.getByTestId("my-reports").getByText(subject).click();
		String reportUrl = page.url();
		assertThat(page.getByLabel("Nhiệm vụ kế hoạch đã hoàn thành")).hasValue("1");
		assertThat(page.locator("[data-source=planTasksDone]")).containsText("Tự điền từ phân hệ Kế hoạch");
		page.getByLabel("Họp báo đã tổ chức").fill("3");
		page.getByLabel("Kết quả triển khai các hoạt động thông tin đối ngoại").fill("Tổ chức 3 cuộc họp báo cho phóng viên quốc tế.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã lưu báo cáo.");
		signOut();

		act("hn.vpub.truong", reportUrl, "Gửi báo cáo", "Đã gửi");
		signOut();

		signIn("hn.dieuphoi");
		page.navigate(reportUrl);
		page.getByLabel("Ý kiến khi trả lại").fill("Đề nghị bổ sung số phóng viên nước ngoài đã đón tiếp.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trả lại")).click();
		assertThat(page.getByTestId("report-status")).hasText("Trả lại để hoàn thiện");
		signOut();

		signIn("hn.vpub.canbo");
		page.navigate(reportUrl);
		assertThat(page.getByTestId("return-note")).containsText("bổ sung số phóng viên nước ngoài");
		page.getByLabel("Phóng viên nước ngoài đã đón tiếp").fill("15");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu").setExact(true)).click();
		signOut();

		act("hn.vpub.truong", reportUrl, "Gửi báo cáo", "Đã gửi");
		signOut();

		act("hn.dieuphoi", reportUrl, "Tiếp nhận", "Đã tiếp nhận");
		assertThat(page.getByTestId("history")).containsText("hn.vpub.truong");
		assertThat(page.getByTestId("history")).containsText("Đề nghị bổ sung số phóng viên nước ngoài đã đón tiếp.");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(subject)).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Báo cáo tổng hợp")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lập (cập nhật) dự thảo từ các báo cáo đã tiếp nhận")).click();
		// The draft is built in the background; the page shows the progress and reloads when it is done.
		assertThat(page.getByTestId("consolidation-status")).hasText("Dự thảo",
				new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
		assertThat(page.getByTestId("totals").locator("tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
			.setHasText("Họp báo đã tổ chức"))).containsText("3");
		assertThat(page.getByTestId("totals").locator("tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
			.setHasText("Phóng viên nước ngoài đã đón tiếp"))).containsText("15");
		assertThat(page.getByTestId("annex")).containsText("Văn phòng Ủy ban nhân dân Thành phố");
		assertThat(page.getByLabel("Kết quả triển khai các hoạt động thông tin đối ngoại"))
			.hasValue("Văn phòng Ủy ban nhân dân Thành phố: Tổ chức 3 cuộc họp báo cho phóng viên quốc tế.");
	}

	/**
	 * C8 from end to end: a unit officer contributes a photo in two languages, the coordinating
	 * department reviews it, the security body clears it, it is published, and an anonymous visitor
	 * finds it on the English portal and downloads its press kit.
	 */
	@Test
	void aPhotoGoesFromAUnitThroughReviewAndClearanceToTheEnglishPortalAndItsPressKit() throws Exception {
		Path photo = Files.createTempDirectory("photo").resolve("cau-long-bien.png");
		var image = new java.awt.image.BufferedImage(900, 600, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(java.awt.Color.DARK_GRAY);
		g.fillRect(0, 250, 900, 60);
		g.dispose();
		javax.imageio.ImageIO.write(image, "png", photo.toFile());

		signIn("hn.dulich.canbo");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quảng bá hình ảnh")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đóng góp mục mới")).click();
		page.getByLabel("Loại").selectOption("PHOTO");
		page.getByLabel("Du lịch").check();
		page.getByLabel("Lịch sử").check();
		page.getByLabel("Ngày (dd/MM/yyyy)").fill("10/10/2026");
		page.getByLabel("Địa điểm").fill("Cầu Long Biên, Hà Nội");
		page.getByLabel("Nguồn").fill("Sở Du lịch Hà Nội");
		page.getByLabel("Tệp ảnh, video hoặc PDF").setInputFiles(photo);
		page.getByLabel("Chú thích").fill("Cầu Long Biên lúc bình minh");
		page.getByLabel("Tiêu đề (VI)").fill("Cầu Long Biên bắc qua sông Hồng");
		page.getByLabel("Tóm tắt (VI)").fill("Cây cầu thép hoàn thành năm 1902, chứng nhân lịch sử của Thủ đô.");
		page.getByLabel("Tiêu đề (EN)").fill("Long Biên Bridge over the Red River");
		page.getByLabel("Tóm tắt (EN)").fill("The steel bridge completed in 1902, a witness to the capital's history.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu bản nháp")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã tạo bản nháp.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi duyệt")).click();
		assertThat(page.getByTestId("item-status")).containsText("Đã gửi, chờ duyệt nội dung");
		String itemUrl = page.url();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng xuất")).click();

		signIn("hn.dieuphoi");
		page.navigate(itemUrl);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt nội dung")).click();
		assertThat(page.getByTestId("item-status")).containsText("chờ thẩm định bảo mật");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng xuất")).click();

		signIn("hn.anninh");
		page.navigate(itemUrl);
		page.getByLabel("Mức độ").selectOption("PUBLIC");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thẩm định bảo mật")).click();
		assertThat(page.getByTestId("item-status")).containsText("Đã thẩm định bảo mật, chờ đăng");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng xuất")).click();

		signIn("hn.dieuphoi");
		page.navigate(itemUrl);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng").setExact(true)).click();
		assertThat(page.getByTestId("item-status")).hasText("Đã đăng");
		assertThat(page.getByTestId("history")).containsText("hn.anninh");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng xuất")).click();

		page.navigate("http://localhost:" + port + "/en/");
		page.getByLabel("Search").first().fill("long bien bridges");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		page.getByTestId("results").getByRole(AriaRole.LINK).first().click();
		assertThat(page.getByTestId("item-title")).hasText("Long Biên Bridge over the Red River");
		assertThat(page.locator("link[hreflang=vi]")).hasCount(1);
		var download = page.waitForDownload(() -> page.getByTestId("press-kit").click());
		java.util.List<String> names = new java.util.ArrayList<>();
		try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(download.path()))) {
			for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				names.add(e.getName());
			}
		}
		org.assertj.core.api.Assertions.assertThat(names).containsExactly("01-image.jpg", "captions.txt");
	}
}
