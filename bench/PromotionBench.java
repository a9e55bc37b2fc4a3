import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The promotion collection at scale (docs/benchmarks.md, section "Promotion collection"):
 *
 * <pre>
 * java -cp postgresql.jar bench/PromotionBench.java generate ITEMS [FIRST] # items FIRST..ITEMS-1 into the running application's database
 * java -cp postgresql.jar bench/PromotionBench.java index            # rebuild the search index, report the rate
 * java -cp postgresql.jar bench/PromotionBench.java vocabulary       # the generated words spelt alike in SQL and Java
 * java -cp postgresql.jar bench/PromotionBench.java load             # search and item-page latency; PostgreSQL full-text search on the same data
 * java -cp postgresql.jar bench/PromotionBench.java postgres         # the PostgreSQL part alone (PG_COMMON=0: without the commonest words)
 * </pre>
 *
 * Environment: BASE (http://127.0.0.1:PORT), PG (jdbc:postgresql://127.0.0.1:PORT/ttdn), PASSWORD (of the demo
 * accounts), CLIENTS (20), WARMUP (10 s), DURATION (30 s), RATE (200 item pages per second), SCENARIOS (all, or a
 * comma-separated list of: staff-search-api, public-search-api, public-search-api-hits, public-search-page, public-search-api-selective,
 * public-search-api-common, public-search-api-common-hits, public-item-page, floor-health, floor-item-api, postgres).
 * Generated items are multilingual (Vietnamese and English each, Chinese for one in three), their words drawn with
 * Zipf's law from a vocabulary of 40,000 words per language ({@link #word}), plus one selective token
 * {@code k0}–{@code k19999} per item (about 1 in 20,000 matches), of every kind and field, contributed by the demo
 * units of Hà Nội, Hà Nam and Bình Dương; nine in ten are published and public, the rest drafts. Queries are
 * typical ({@link #typical}: words drawn as they occur in the text, the 55 commonest left out), the commonest words
 * ({@link #common}, the worst case) or the selective token. {@code vocabulary} checks that the SQL that writes the
 * text and the Java that writes the queries spell every word alike. Only 127.0.0.1 is accepted.
 */
public class PromotionBench {

	static final String[] VI = ("văn hóa;lịch sử;du lịch;đầu tư;làng nghề;lễ hội;di sản;chùa;đền;sông Hồng;núi;hồ;phố cổ;"
			+ "ẩm thực;gốm;lụa;trống;khu công nghiệp;hợp tác;quốc tế;thành phố;tỉnh;nông thôn;cánh đồng;mùa xuân;"
			+ "mùa thu;bảo tàng;kiến trúc;truyền thống;hiện đại;giáo dục;trường đại học;nghệ nhân;âm nhạc;ca trù;"
			+ "quan họ;múa rối nước;hoa sen;áo dài;cà phê;phở;bánh chưng;đình làng;cầu;bến cảng;doanh nghiệp;"
			+ "đô thị thông minh;môi trường;cây xanh;thể thao;thanh niên;phụ nữ;hữu nghị;đại sứ quán;hội nghị").split(";");
	static final String[] EN = ("culture;history;tourism;investment;craft village;festival;heritage;pagoda;temple;"
			+ "Red River;mountain;lake;old quarter;cuisine;ceramics;silk;drums;industrial park;cooperation;"
			+ "international;city;province;countryside;rice fields;spring;autumn;museum;architecture;tradition;"
			+ "modern;education;university;artisans;music;ca tru singing;quan ho songs;water puppetry;lotus;"
			+ "ao dai;coffee;pho;rice cakes;communal house;bridge;seaport;businesses;smart city;environment;trees;"
			+ "sports;youth;women;friendship;embassy;conference").split(";");
	static final String[] ZH = ("文化;历史;旅游;投资;手工艺村;节日;遗产;寺庙;神庙;红河;山;湖;古街;美食;陶瓷;丝绸;鼓;工业园区;"
			+ "合作;国际;城市;省;农村;稻田;春天;秋天;博物馆;建筑;传统;现代;教育;大学;工匠;音乐;水上木偶;莲花;"
			+ "咖啡;桥梁;港口;企业;智慧城市;环境;体育;青年;妇女;友谊;大使馆;会议").split(";");
	static final String[] KINDS = { "ARTICLE", "PHOTO", "PHOTO_SET", "VIDEO", "INFOGRAPHIC", "PUBLICATION", "FACT_SHEET",
			"LEGAL_TEXT", "PROCEDURE" };
	static final String[] FIELDS = { "LAND_AND_PEOPLE", "HISTORY", "CULTURE", "TOURISM", "INVESTMENT", "ACHIEVEMENTS",
			"FOREIGN_RELATIONS" };

	/**
	 * The vocabulary of generated text: {@value #VOCABULARY} words per language, drawn with Zipf's law
	 * (the word of rank k about 1/k as often as the commonest), as words are in real text. Ranks 1 to 55
	 * are the real words above; the others are made: for English three syllables and an "n" (no suffix
	 * the stemmer removes), for Vietnamese two syllables of an initial and a rhyme with its tone, for
	 * Chinese two characters. A word of rank 1 is in nearly every document, one of rank 100 in about 7 %,
	 * one of rank 1,000 in about 0.7 %, one of rank 10,000 in about 0.08 %.
	 */
	static final int VOCABULARY = 40_000;

	static final String[] EN_SYLLABLES = "ba;ko;mi;ru;sa;te;vo;li;na;pe;do;gu;fa;ri;zo;ke;lu;mo;ni;po;ta;vi;ze;bo;ca;di;fe;ga;hu;jo;ku;la;me;nu;pi;so"
		.split(";");
	static final String[] VI_ONSETS = "b;c;d;đ;g;h;k;l;m;n;ng;nh;ph;qu;s;t;th;tr;v;x".split(";");
	static final String[] VI_RHYMES = ("a;á;à;ả;ã;ạ;an;án;àn;ang;áng;anh;ánh;ao;áo;ơi;ới;ời;ên;ến;ết;ình;inh;ính;ong;óng;ông;ống;ồng;"
			+ "ươc;ước;ương;ường;ưởng;ơn;ớn;uân;uấn;ui;úi;ùi;ay;áy;ày;oa;òa;óa;oai;iên;iến;iền;iệt;ac;ác;ạc;uc;úc;ục;ôi;ối").split(";");
	static final String[] ZH_CHARACTERS = ("人民国家中华山水河海城市文化历史旅游投资节日寺庙湖美食陶瓷丝绸鼓工业园合作际省农村稻田春秋博物馆建筑传统现代教育大学"
			+ "匠音乐木偶莲花咖啡桥梁港口企业智慧环境体育青年妇女友谊使会议花园林公路铁船机场电站市场商店学校医院图书剧院广场街道村庄")
		.codePoints().mapToObj(Character::toString).distinct().toArray(String[]::new);

	/** The word of {@code rank} (1 to VOCABULARY - 1) in a language. */
	static String word(String language, int rank) {
		String[] top = top(language);
		if (rank <= top.length) {
			return top[rank - 1];
		}
		int j = rank - top.length - 1;
		return switch (language) {
			case "vi" -> syllable(j % 1200) + " " + syllable((j / 1200 * 131 + j % 1200 * 7) % 1200);
			case "zh" -> ZH_CHARACTERS[j % ZH_CHARACTERS.length]
					+ ZH_CHARACTERS[(j / ZH_CHARACTERS.length * 13 + j % ZH_CHARACTERS.length * 7) % ZH_CHARACTERS.length];
			default -> EN_SYLLABLES[j % 36] + EN_SYLLABLES[j / 36 % 36] + EN_SYLLABLES[j / 1296 % 36] + "n";
		};
	}

	/** The real words of a language, ranks 1 to its length. */
	static String[] top(String language) {
		return switch (language) {
			case "vi" -> VI;
			case "zh" -> ZH;
			default -> EN;
		};
	}

	static String syllable(int i) {
		return VI_ONSETS[i % 20] + VI_RHYMES[i / 20 % 60];
	}

	/** {@link #word} in SQL, of the rank in the integer column {@code k}. */
	static String wordSql(String language) {
		String[] top = top(language);
		String j = "(k - " + (top.length + 1) + ")";
		String made = switch (language) {
			case "vi" -> syllableSql(j + " % 1200") + " || ' ' || " + syllableSql("(" + j + " / 1200 * 131 + " + j + " % 1200 * 7) % 1200");
			case "zh" -> {
				int n = ZH_CHARACTERS.length;
				String chars = array(ZH_CHARACTERS);
				yield "(" + chars + ")[1 + " + j + " % " + n + "] || (" + chars + ")[1 + (" + j + " / " + n + " * 13 + " + j + " % " + n
						+ " * 7) % " + n + "]";
			}
			default -> {
				String syl = array(EN_SYLLABLES);
				yield "(" + syl + ")[1 + " + j + " % 36] || (" + syl + ")[1 + " + j + " / 36 % 36] || (" + syl + ")[1 + " + j
						+ " / 1296 % 36] || 'n'";
			}
		};
		return "case when k <= " + top.length + " then (" + array(top) + ")[k] else " + made + " end";
	}

	static String syllableSql(String i) {
		return "(" + array(VI_ONSETS) + ")[1 + (" + i + ") % 20] || (" + array(VI_RHYMES) + ")[1 + (" + i + ") / 20 % 60]";
	}

	/** A rank drawn with Zipf's law: rank k with probability ln((k+1)/k) / ln(VOCABULARY). */
	static int zipfRank() {
		return (int) Math.floor(Math.exp(ThreadLocalRandom.current().nextDouble() * Math.log(VOCABULARY)));
	}

	static String base;
	static String pg;
	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public static void main(String[] args) throws Exception {
		base = env("BASE", "http://127.0.0.1:8080");
		pg = env("PG", "jdbc:postgresql://127.0.0.1:5432/ttdn");
		if (!URI.create(base).getHost().equals("127.0.0.1") || !pg.startsWith("jdbc:postgresql://127.0.0.1:")) {
			throw new IllegalArgumentException("only 127.0.0.1 is accepted");
		}
		switch (args.length == 0 ? "" : args[0]) {
			case "generate" -> generate(Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 0);
			case "index" -> index();
			case "vocabulary" -> vocabulary();
			case "load" -> load();
			case "postgres" -> postgres(Integer.parseInt(env("CLIENTS", "20")), Integer.parseInt(env("WARMUP", "10")),
					Integer.parseInt(env("DURATION", "30")));
			default -> System.err.println("usage: PromotionBench generate ITEMS | index | load");
		}
	}

	static String env(String name, String fallback) {
		String v = System.getenv(name);
		return v == null || v.isBlank() ? fallback : v;
	}

	static Connection db() throws Exception {
		return DriverManager.getConnection(pg, "postgres", "");
	}

	static String array(String[] words) {
		StringBuilder s = new StringBuilder("array[");
		for (int i = 0; i < words.length; i++) {
			s.append(i == 0 ? "" : ",").append('\'').append(words[i].replace("'", "''")).append('\'');
		}
		return s.append(']').toString();
	}

	/** Text of {@code n} words drawn with Zipf's law, as SQL evaluated per row (the row number keeps it from being cached). */
	static String text(String language, int n, String separator) {
		return "(select string_agg(" + wordSql(language) + ", '" + separator + "') from (select floor(exp(random() * ln("
				+ VOCABULARY + ")))::int as k from generate_series(1, " + n + " + (g.n % 2))) s)";
	}

	static void generate(int items, int first) throws Exception {
		long started = System.nanoTime();
		try (Connection c = db()) {
			c.setAutoCommit(false);
			int batch = 50_000;
			for (int from = first; from < items; from += batch) {
				int to = Math.min(items, from + batch);
				try (var st = c.createStatement()) {
					st.execute("create temporary table if not exists g (n int) on commit drop");
					st.execute("insert into g select generate_series(" + from + ", " + (to - 1) + ")");
					st.execute("""
							create temporary table gi on commit drop as
							with units as (select array_agg(id order by id) as ids, jurisdiction_code from unit
							               where demo_key in ('hn-sdl','hn-vpub','hnam-vpub','bd-sngv') group by jurisdiction_code),
							     u as (select row_number() over () - 1 as k, ids, jurisdiction_code from units)
							select g.n, u.jurisdiction_code, u.ids[1 + g.n % array_length(u.ids, 1)] as unit_id
							from g join u on u.k = g.n % (select count(*) from u)""");
					st.execute(("""
							insert into promo_item (jurisdiction_code, unit_id, kind, fields, tags, place, taken_on, credit, licence,
							  classification, status, created_by, created_at, updated_at, published_at)
							select gi.jurisdiction_code, gi.unit_id, (%s)[1 + gi.n %% 9],
							  array[(%s)[1 + gi.n %% 7], (%s)[1 + (gi.n + 1 + (gi.n / 7) %% 6) %% 7]], array['bench', gi.n::text], 'Việt Nam',
							  date '2010-01-01' + (gi.n * 37 %% 5800), 'Bench', 'CC BY 4.0', 'PUBLIC',
							  case when gi.n %% 10 = 9 then 'DRAFT' else 'PUBLISHED' end, 'bench', now(), now(),
							  case when gi.n %% 10 = 9 then null else now() end
							from gi order by gi.n""").formatted(array(KINDS), array(FIELDS), array(FIELDS)));
					st.execute("create temporary table ids on commit drop as select id, (case when created_by = 'bench' and tags[1] = 'bench' then tags[2]::int end) as n from promo_item "
							+ "where created_by = 'bench' and (case when created_by = 'bench' and tags[1] = 'bench' then tags[2]::int end) between " + from + " and " + (to - 1));
					for (String[] lang : new String[][] { { "vi", " " }, { "en", " " }, { "zh", "，" } }) {
						String where = lang[0].equals("zh") ? " where g.n % 3 = 0" : "";
						st.execute(("""
								insert into promo_translation (item_id, language, title, summary, body, status, published_at)
								select ids.id, '%s', %s, %s, %s, case when i.status = 'PUBLISHED' then 'PUBLISHED' else 'DRAFT' end, i.published_at
								from ids join g on g.n = ids.n join promo_item i on i.id = ids.id%s""")
							.formatted(lang[0], text(lang[0], 5, lang[1]), text(lang[0], 14, lang[1]),
									text(lang[0], 60, lang[1]) + " || ' k' || (g.n % 20000)",
									where));
					}
					st.execute("insert into promo_change (item_id, kind, at) select id, 'PUBLISHED', now() from promo_item where id in (select id from ids) and status = 'PUBLISHED' order by id");
				}
				c.commit();
				System.out.printf(Locale.ROOT, "generated %,d items (%.0f s)%n", to, (System.nanoTime() - started) / 1e9);
			}
			try (var st = c.createStatement()) {
				c.setAutoCommit(true);
				st.execute("analyze promo_item");
				st.execute("analyze promo_translation");
			}
		}
		System.out.printf(Locale.ROOT, "RESULT generate items=%d seconds=%.1f%n", items, (System.nanoTime() - started) / 1e9);
	}

	/** Checks that the generated text (SQL) and the queries (Java) spell the words of every rank alike. */
	static void vocabulary() throws Exception {
		try (Connection c = db()) {
			for (String language : List.of("vi", "en", "zh")) {
				try (var ps = c.prepareStatement("select k, " + wordSql(language) + " from generate_series(1, ?) k")) {
					ps.setInt(1, VOCABULARY - 1);
					java.util.Set<String> distinct = new java.util.HashSet<>();
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							String expected = word(language, rs.getInt(1));
							if (!expected.equals(rs.getString(2))) {
								throw new IllegalStateException(language + " rank " + rs.getInt(1) + ": SQL " + rs.getString(2)
										+ ", Java " + expected);
							}
							distinct.add(expected);
						}
					}
					System.out.printf(Locale.ROOT, "%s: %,d ranks spelt alike, %,d distinct words%n", language, VOCABULARY - 1,
							distinct.size());
				}
			}
		}
	}

	static String auth(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + env("PASSWORD", "BenchPass2026")).getBytes(StandardCharsets.UTF_8));
	}

	/** An answer: its status and body (UTF-8). */
	record Answer(int status, String body) {
	}

	/** Kept-alive connections of the load: the driver's own HTTP client ({@code LoadDriver.Connection}), cheap in CPU. */
	static final java.util.concurrent.ConcurrentLinkedQueue<LoadDriver.Connection> CONNECTIONS = new java.util.concurrent.ConcurrentLinkedQueue<>();

	static Answer get(String path, String user) throws Exception {
		URI uri = URI.create(base);
		StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(uri.getHost())
			.append(':').append(uri.getPort()).append("\r\nAccept: application/json, text/html\r\n");
		if (user != null) {
			request.append("Authorization: ").append(auth(user)).append("\r\n");
		}
		byte[] bytes = request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
		LoadDriver.Connection connection = CONNECTIONS.poll();
		if (connection == null) {
			connection = new LoadDriver.Connection(uri, 30);
		}
		boolean keep = false;
		try {
			var response = connection.exchange(bytes, System.nanoTime() + 30_000_000_000L);
			Answer answer = new Answer(response.status(), new String(response.body(), 0, response.length(), StandardCharsets.UTF_8));
			keep = true;
			return answer;
		}
		finally {
			if (keep) {
				CONNECTIONS.add(connection);
			}
			else {
				connection.close();
			}
		}
	}

	static HttpResponse<String> send(HttpRequest request) throws Exception {
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	static void index() throws Exception {
		var start = HttpRequest.newBuilder(URI.create(base + "/api/v1/promotion/index"))
			.header("Authorization", auth("admin")).POST(HttpRequest.BodyPublishers.noBody()).build();
		System.out.println(send(start).body());
		long started = System.nanoTime();
		String body = "";
		do {
			Thread.sleep(5000);
			body = get("/api/v1/promotion/index", "admin").body();
			System.out.printf(Locale.ROOT, "%.0f s %s%n", (System.nanoTime() - started) / 1e9, body);
		}
		while (body.contains("RUNNING"));
		System.out.println("RESULT index " + body);
	}

	record Stats(String name, int clients, long ok, long errors, double seconds, List<Long> latencies) {
		double p(double q) {
			if (latencies.isEmpty()) {
				return Double.NaN;
			}
			return latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(q * latencies.size()) - 1)) / 1e6;
		}

		void print() {
			System.out.printf(Locale.ROOT, "RESULT %s clients=%d ok=%d errors=%d rate=%.1f/s p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%n",
					name, clients, ok, errors, ok / seconds, p(0.50), p(0.95), p(0.99), latencies.isEmpty() ? Double.NaN
							: latencies.getLast() / 1e6);
		}
	}

	interface Call {
		boolean run() throws Exception;
	}

	/** Closed loop: each client sends its next call when the previous one has answered. */
	static Stats closed(String name, int clients, int warmup, int duration, Supplier<Call> calls) throws Exception {
		var latencies = new ConcurrentLinkedQueue<Long>();
		var ok = new AtomicLong();
		var errors = new AtomicLong();
		long measureFrom = System.nanoTime() + warmup * 1_000_000_000L;
		long end = measureFrom + duration * 1_000_000_000L;
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			threads.add(Thread.ofVirtual().start(() -> {
				while (System.nanoTime() < end) {
					long t0 = System.nanoTime();
					boolean good;
					try {
						good = calls.get().run();
					}
					catch (Exception e) {
						good = false;
					}
					long t1 = System.nanoTime();
					if (t0 >= measureFrom && t1 <= end) {
						if (good) {
							ok.incrementAndGet();
							latencies.add(t1 - t0);
						}
						else {
							errors.incrementAndGet();
						}
					}
				}
			}));
		}
		for (Thread t : threads) {
			t.join();
		}
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return new Stats(name, clients, ok.get(), errors.get(), duration, sorted);
	}

	/** Open loop: a request every 1/rate s whatever the answers, so queueing shows in the latency. */
	static Stats open(String name, int rate, int warmup, int duration, Supplier<Call> calls) throws Exception {
		var latencies = new ConcurrentLinkedQueue<Long>();
		var ok = new AtomicLong();
		var errors = new AtomicLong();
		long interval = 1_000_000_000L / rate;
		long start = System.nanoTime();
		long measureFrom = start + warmup * 1_000_000_000L;
		long end = measureFrom + duration * 1_000_000_000L;
		List<Thread> running = Collections.synchronizedList(new ArrayList<>());
		for (long due = start; due < end; due += interval) {
			long wait = due - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			long scheduled = due;
			running.add(Thread.ofVirtual().start(() -> {
				boolean good;
				try {
					good = calls.get().run();
				}
				catch (Exception e) {
					good = false;
				}
				long done = System.nanoTime();
				if (scheduled >= measureFrom) {
					if (good) {
						ok.incrementAndGet();
						latencies.add(done - scheduled);
					}
					else {
						errors.incrementAndGet();
					}
				}
			}));
		}
		for (Thread t : new ArrayList<>(running)) {
			t.join();
		}
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return new Stats(name, rate, ok.get(), errors.get(), duration, sorted);
	}

	/** One or two of the commonest words of the language (ranks 1–55): the worst case, each in 7–100 % of the documents. */
	static String common(String language) {
		var r = ThreadLocalRandom.current();
		int commonest = top(language).length;
		String q = word(language, 1 + r.nextInt(commonest));
		return r.nextBoolean() ? q : q + " " + word(language, 1 + r.nextInt(commonest));
	}

	/**
	 * One or two words drawn as they occur in the text (Zipf's law), leaving out the commonest 55, which
	 * {@link #common} asks for: about a third of the words asked are of ranks 56–600 (each in 0.8–6 % of the
	 * documents), the rest rarer.
	 */
	static String typical(String language) {
		String q = word(language, contentRank(language));
		return ThreadLocalRandom.current().nextBoolean() ? q : q + " " + word(language, contentRank(language));
	}

	static int contentRank(String language) {
		int k;
		do {
			k = zipfRank();
		}
		while (k <= top(language).length);
		return k;
	}

	static String encode(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static void load() throws Exception {
		int clients = Integer.parseInt(env("CLIENTS", "20"));
		int warmup = Integer.parseInt(env("WARMUP", "10"));
		int duration = Integer.parseInt(env("DURATION", "30"));
		int rate = Integer.parseInt(env("RATE", "200"));
		long[] published;
		try (Connection c = db(); var st = c.createStatement();
				ResultSet rs = st.executeQuery("select i.id from promo_item i join promo_translation t on t.item_id = i.id "
						+ "and t.language = 'en' where i.status = 'PUBLISHED' and i.created_by = 'bench' and t.status = 'PUBLISHED' order by random() limit 100000")) {
			List<Long> ids = new ArrayList<>();
			while (rs.next()) {
				ids.add(rs.getLong(1));
			}
			published = ids.stream().mapToLong(Long::longValue).toArray();
		}
		System.out.printf("%d published item ids for the item pages%n", published.length);
		java.util.Set<String> only = new java.util.HashSet<>(List.of(env("SCENARIOS", "all").split(",")));
		java.util.function.Predicate<String> wanted = name -> only.contains("all") || only.contains(name);
		// What the staff search page asks: hits with highlighted passages, the facets and the exact total.
		search(wanted, "staff-search-api", clients, warmup, duration, lang -> "/api/v1/promotion/search?lang=" + lang + "&q="
				+ encode(typical(lang)), "hn.dieuphoi", "\"facets\":{");
		// The public API as a client calls it by default: the page of items with the facets and the exact total.
		search(wanted, "public-search-api", clients, warmup, duration,
				lang -> "/api/v1/public/items?lang=" + lang + "&q=" + encode(typical(lang)), null, "\"facets\":{");
		// The page of items alone (facets=false): the total exact up to 10,000, a lower bound beyond.
		search(wanted, "public-search-api-hits", clients, warmup, duration, lang -> "/api/v1/public/items?facets=false&lang="
				+ lang + "&q=" + encode(typical(lang)), null, "\"items\":[");
		// The portal's search page: hits with highlighted passages, facets, the page around them.
		search(wanted, "public-search-page", clients, warmup, duration,
				lang -> "/" + lang + "/search?q=" + encode(typical(lang)), null, "data-testid=\"results\"");
		search(wanted, "public-search-api-selective", clients, warmup, duration,
				lang -> "/api/v1/public/items?lang=en&q=k" + ThreadLocalRandom.current().nextInt(20000), null, "\"facets\":{");
		// The worst case: the commonest words, with the facets, then the page of items alone (facets=false: the
		// total is exact up to 10,000, a lower bound beyond).
		search(wanted, "public-search-api-common", clients, warmup, duration,
				lang -> "/api/v1/public/items?lang=" + lang + "&q=" + encode(common(lang)), null, "\"facets\":{");
		search(wanted, "public-search-api-common-hits", clients, warmup, duration,
				lang -> "/api/v1/public/items?facets=false&lang=" + lang + "&q=" + encode(common(lang)), null, "\"items\":[");
		// The floor: the cheapest requests through the same server, driver and closed loop, with no search at all. What
		// they take under 20 clients on these processors no search can take less.
		if (wanted.test("floor-health")) {
			closed("floor-health", clients, warmup, duration, () -> () -> {
				var r = get("/actuator/health/liveness", null);
				return r.status() == 200 && r.body().contains("UP");
			}).print();
		}
		if (wanted.test("floor-item-api")) {
			closed("floor-item-api", clients, warmup, duration, () -> () -> {
				long id = published[ThreadLocalRandom.current().nextInt(published.length)];
				var r = get("/api/v1/public/items/" + id, null);
				return r.status() == 200 && r.body().contains("\"languages\"");
			}).print();
		}
		if (wanted.test("public-item-page")) {
			open("public-item-page", rate, warmup, duration, () -> () -> {
				long id = published[ThreadLocalRandom.current().nextInt(published.length)];
				var r = get("/en/items/" + id, null);
				return r.status() == 200;
			}).print();
		}
		if (wanted.test("postgres")) {
			postgres(clients, warmup, duration);
		}
	}

	/** A search scenario in a closed loop: Vietnamese or English at random; an answer counts if it is 200 and holds {@code expect}. */
	static void search(java.util.function.Predicate<String> wanted, String name, int clients, int warmup, int duration,
			java.util.function.Function<String, String> path, String user, String expect) throws Exception {
		if (!wanted.test(name)) {
			return;
		}
		closed(name, clients, warmup, duration, () -> () -> {
			var r = get(path.apply(ThreadLocalRandom.current().nextBoolean() ? "vi" : "en"), user);
			return r.status() == 200 && r.body().contains(expect);
		}).print();
	}

	/**
	 * The same searches on PostgreSQL's full-text search over the same rows: a GIN index on the
	 * 'simple' configuration (no stemming, no folding: PostgreSQL has no Vietnamese or Chinese
	 * configuration), top 20 by rank, the total and the kind and language counts in one statement,
	 * with the same public condition.
	 */
	static void postgres(int clients, int warmup, int duration) throws Exception {
		try (Connection c = db(); var st = c.createStatement()) {
			long t0 = System.nanoTime();
			st.execute("create index if not exists bench_promo_fts on promo_translation using gin "
					+ "(to_tsvector('simple', title || ' ' || coalesce(summary, '') || ' ' || coalesce(body, '')))");
			st.execute("analyze promo_translation");
			System.out.printf(Locale.ROOT, "RESULT pg-gin-index seconds=%.1f%n", (System.nanoTime() - t0) / 1e9);
		}
		String sql = """
				with hits as (
				  select t.id, t.language, i.kind,
				         ts_rank(to_tsvector('simple', t.title || ' ' || coalesce(t.summary, '') || ' ' || coalesce(t.body, '')), q) as r
				  from promo_translation t join promo_item i on i.id = t.item_id, plainto_tsquery('simple', ?) q
				  where to_tsvector('simple', t.title || ' ' || coalesce(t.summary, '') || ' ' || coalesce(t.body, '')) @@ q
				    and t.language = ? and t.status = 'PUBLISHED' and i.status = 'PUBLISHED' and i.classification = 'PUBLIC')
				select (select count(*) from hits),
				       (select json_object_agg(kind, n) from (select kind, count(*) n from hits group by kind) k),
				       (select json_object_agg(language, n) from (select language, count(*) n from hits group by language) l),
				       (select json_agg(id) from (select id from hits order by r desc limit 20) top)""";
		ThreadLocal<PreparedStatement> statements = ThreadLocal.withInitial(() -> {
			try {
				Connection connection = db();
				try (var st = connection.createStatement()) {
					// A statement still running after 10 s counts as an error instead of holding the run up.
					st.execute("set statement_timeout = '" + env("PG_TIMEOUT", "10s") + "'");
				}
				return connection.prepareStatement(sql);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		if (!"0".equals(env("PG_COMMON", "1"))) {
			postgresScenario("postgres-fts-search-common", statements, clients, warmup, duration, false, PromotionBench::common);
		}
		postgresScenario("postgres-fts-search", statements, clients, warmup, duration, false, PromotionBench::typical);
		postgresScenario("postgres-fts-search-selective", statements, clients, warmup, duration, true,
				language -> "k" + ThreadLocalRandom.current().nextInt(20000));
	}

	/** One PostgreSQL scenario: the words for a language (English alone, or Vietnamese or English at random). */
	static void postgresScenario(String name, ThreadLocal<PreparedStatement> statements, int clients, int warmup, int duration,
			boolean englishOnly, java.util.function.Function<String, String> words) throws Exception {
		closed(name, clients, warmup, duration, () -> () -> {
			String language = englishOnly || ThreadLocalRandom.current().nextBoolean() ? "en" : "vi";
			PreparedStatement ps = statements.get();
			ps.setString(1, words.apply(language));
			ps.setString(2, language);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next();
			}
		}).print();
	}
}
