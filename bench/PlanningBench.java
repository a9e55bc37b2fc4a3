import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Planning at scale (issue 3, docs/benchmarks.md), against a running application with the
 * national-scale data ({@code --ttdn.bench.generate=true}):
 * <ol>
 * <li>import of a 2,000-task appendix written as officials write one (.xlsx with a title, a header
 * repeated every 40 rows, group rows, multi-line cells; texts and schedule phrases of the 2023
 * appendix, lead bodies named as the registry names Hà Nội's current units): upload and preview,
 * then confirm, timed apiece, on {@code --imports} new draft plans;</li>
 * <li>the 2,000-task plan: its page (tasks view, signed in through the login form), its JSON, and its
 * export to .docx and .xlsx, {@code --repeat} times each;</li>
 * <li>the national roll-up of task status, for one year and over all years, {@code --repeat} times
 * each, one request at a time.</li>
 * </ol>
 * Run with POI on the class path (bench/planning.sh does this).
 */
public class PlanningBench {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
	static final Pattern IMPORT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
	static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
	static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

	static String base;
	static String basic;
	static HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	public static void main(String[] args) throws Exception {
		base = arg(args, "--base", "http://127.0.0.1:8080");
		String user = arg(args, "--user", "admin");
		String password = System.getenv(arg(args, "--password-env", "BENCH_PASSWORD"));
		int tasks = Integer.parseInt(arg(args, "--tasks", "2000"));
		int imports = Integer.parseInt(arg(args, "--imports", "3"));
		int repeat = Integer.parseInt(arg(args, "--repeat", "20"));
		int rollupYear = Integer.parseInt(arg(args, "--year", "2026"));
		basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));

		List<String> bodies = new ArrayList<>();
		Matcher m = NAME.matcher(get("/api/v1/jurisdictions/01/units"));
		while (m.find()) {
			bodies.add(m.group(1));
		}
		List<String[]> appendix = new ArrayList<>();
		long plan2023 = firstId(get("/api/v1/plans?jurisdiction=01&year=2023"));
		String planJson = get("/api/v1/plans/" + plan2023);
		Matcher content = Pattern.compile("\"content\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(planJson);
		Matcher phrase = Pattern.compile("\"phrase\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(planJson);
		while (content.find() && phrase.find()) {
			appendix.add(new String[] { unescape(content.group(1)), unescape(phrase.group(1)) });
		}
		byte[] xlsx = appendix(tasks, appendix, bodies);
		System.out.printf(Locale.ROOT, "appendix: %d tasks, %d bytes of .xlsx; %d lead bodies from the registry; texts from plan %d (%d tasks)%n",
				tasks, xlsx.length, bodies.size(), plan2023, appendix.size());

		// 1. import
		long plan = 0;
		for (int i = 0; i < imports; i++) {
			String created = post("/api/v1/plans", "application/json", ("{\"jurisdiction\":\"01\",\"year\":%d,\"title\":\"Kế hoạch đo hiệu năng %d\"}")
				.formatted(2090 + i, i).getBytes(StandardCharsets.UTF_8));
			plan = firstId(created);
			long t0 = System.nanoTime();
			String preview = multipart("/api/v1/plans/" + plan + "/appendix", "phu-luc-2000.xlsx", xlsx);
			long t1 = System.nanoTime();
			Matcher im = IMPORT_ID.matcher(preview);
			if (!im.find()) {
				throw new IllegalStateException("no import id in " + preview.substring(0, Math.min(400, preview.length())));
			}
			String importId = im.group(1);
			post("/api/v1/plans/" + plan + "/appendix/" + importId + "/confirm", "application/json", "{}".getBytes());
			long accepted = System.nanoTime();
			// the tasks are saved in the background: ask for the progress until it is done
			String status;
			do {
				Thread.sleep(20);
				status = get("/api/v1/plans/" + plan + "/appendix/" + importId);
			}
			while (status.contains("\"RUNNING\""));
			if (!status.contains("\"DONE\"")) {
				throw new IllegalStateException("import ended as " + status);
			}
			long t2 = System.nanoTime();
			System.out.printf(Locale.ROOT,
					"RESULT import-%d upload+preview %.0f ms, confirm answered in %.0f ms, saved in the background after %.0f ms, total %.0f ms (plan %d)%n",
					i + 1, ms(t1 - t0), ms(accepted - t1), ms(t2 - t1), ms(t2 - t0), plan);
		}
		int count = count(get("/api/v1/plans/" + plan), "\"phrase\"");
		System.out.printf(Locale.ROOT, "plan %d holds %d tasks after the import%n", plan, count);

		// 2. render and export
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
		signIn(browser, user, password);
		final long p = plan;
		time("page /plans/{id}?view=tasks", repeat, () -> {
			var r = browser.send(HttpRequest.newBuilder(URI.create(base + "/plans/" + p + "?view=tasks")).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			check(r.statusCode(), "page");
			return r.body().length;
		});
		time("API GET /api/v1/plans/{id}", repeat, () -> get("/api/v1/plans/" + p).length());
		time("export .docx", repeat, () -> bytes("/api/v1/plans/" + p + "/export?format=docx").length);
		time("export .xlsx", repeat, () -> bytes("/api/v1/plans/" + p + "/export?format=xlsx").length);

		// 3. roll-up
		String all = get("/api/v1/plans/rollup");
		System.out.printf(Locale.ROOT, "roll-up over all years: %d jurisdictions, %d tasks%n", count(all, "\"key\""), sum(all, "tasks"));
		String year = get("/api/v1/plans/rollup?year=" + rollupYear);
		System.out.printf(Locale.ROOT, "roll-up of %d: %d jurisdictions, %d tasks%n", rollupYear, count(year, "\"key\""), sum(year, "tasks"));
		time("roll-up, all years", repeat, () -> get("/api/v1/plans/rollup").length());
		time("roll-up, year " + rollupYear, repeat, () -> get("/api/v1/plans/rollup?year=" + rollupYear).length());
		time("roll-up, year " + rollupYear + ", Hà Nội per lead unit", repeat,
				() -> get("/api/v1/plans/rollup?year=" + rollupYear + "&jurisdiction=01").length());
	}

	interface Call {
		long run() throws Exception;
	}

	static void time(String name, int repeat, Call call) throws Exception {
		call.run(); // warm-up
		List<Double> times = new ArrayList<>();
		long size = 0;
		for (int i = 0; i < repeat; i++) {
			long t0 = System.nanoTime();
			size = call.run();
			times.add(ms(System.nanoTime() - t0));
		}
		Collections.sort(times);
		System.out.printf(Locale.ROOT, "RESULT %-45s n=%d p50 %.1f ms, p90 %.1f ms, max %.1f ms (%d bytes)%n", name, repeat,
				times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.9) - 1), times.getLast(), size);
	}

	/** The appendix as officials send it: title rows, a header repeated every 40 rows, group rows, multi-line cells. */
	static byte[] appendix(int tasks, List<String[]> texts, List<String> bodies) throws Exception {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Phụ lục");
			int r = 0;
			sheet.createRow(r++).createCell(0).setCellValue("PHỤ LỤC");
			sheet.createRow(r++).createCell(0).setCellValue("NHIỆM VỤ THỰC HIỆN KẾ HOẠCH THÔNG TIN ĐỐI NGOẠI NĂM 2090");
			String[] header = { "TT", "Nội dung, quy mô công việc", "Tiến độ thời gian", "Cơ quan phụ trách", "Cơ quan phối hợp" };
			int perGroup = 50;
			String[] roman = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X" };
			for (int i = 0; i < tasks; i++) {
				if (i % 40 == 0) {
					Row h = sheet.createRow(r++);
					for (int c = 0; c < header.length; c++) {
						h.createCell(c).setCellValue(header[c]);
					}
				}
				String lead = bodies.get((i / perGroup) % bodies.size());
				if (i % perGroup == 0) {
					Row g = sheet.createRow(r);
					g.createCell(0).setCellValue(roman[(i / perGroup) % roman.length]);
					g.createCell(1).setCellValue(lead.toUpperCase(Locale.forLanguageTag("vi")));
					sheet.addMergedRegion(new CellRangeAddress(r, r, 1, 4));
					r++;
				}
				String[] text = texts.get(i % texts.size());
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(i % perGroup + 1);
				row.createCell(1).setCellValue(text[0] + (i % 3 == 0 ? "\n- Tổ chức thực hiện và báo cáo kết quả." : ""));
				row.createCell(2).setCellValue(text[1]);
				row.createCell(3).setCellValue(lead);
				row.createCell(4).setCellValue(bodies.get((i * 7 + 3) % bodies.size()) + "; các cơ quan, đơn vị liên quan");
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	static void signIn(HttpClient browser, String user, String password) throws Exception {
		String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = CSRF.matcher(login);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF field on /login");
		}
		String token = m.group(1) != null ? m.group(1) : m.group(2);
		String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
		var r = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
		if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in failed: " + r.statusCode());
		}
	}

	static String get(String path) throws Exception {
		return new String(bytes(path), StandardCharsets.UTF_8);
	}

	static byte[] bytes(String path) throws Exception {
		var r = client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic)
			.header("Accept", "application/json, */*").timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
		check(r.statusCode(), path);
		return r.body();
	}

	static String post(String path, String type, byte[] body) throws Exception {
		var r = client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic).header("Content-Type", type)
			.header("Accept", "application/json").timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() >= 300) {
			throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
		}
		return r.body();
	}

	static String multipart(String path, String filename, byte[] content) throws Exception {
		String boundary = "----ttdn" + UUID.randomUUID();
		var out = new ByteArrayOutputStream();
		out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.write(content);
		out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return post(path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
	}

	static void check(int status, String what) {
		if (status != 200) {
			throw new IllegalStateException(what + " → HTTP " + status);
		}
	}

	static long firstId(String json) {
		Matcher m = ID.matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no id in " + json.substring(0, Math.min(300, json.length())));
		}
		return Long.parseLong(m.group(1));
	}

	static int count(String text, String needle) {
		int n = 0;
		for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
			n++;
		}
		return n;
	}

	static long sum(String json, String field) {
		Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
		long total = 0;
		while (m.find()) {
			total += Long.parseLong(m.group(1));
		}
		return total;
	}

	static String unescape(String s) {
		return s.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static double ms(long nanos) {
		return nanos / 1e6;
	}

	static String arg(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}
}
