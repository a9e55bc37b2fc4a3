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
 * java -cp postgresql.jar bench/PromotionBench.java load             # search and item-page latency; PostgreSQL full-text search on the same data
 * java -cp postgresql.jar bench/PromotionBench.java postgres         # the PostgreSQL part alone (PG_COMMON=0: selective queries only)
 * </pre>
 *
 * Environment: BASE (http://127.0.0.1:PORT), PG (jdbc:postgresql://127.0.0.1:PORT/ttdn), PASSWORD (of the demo
 * accounts), CLIENTS (20), WARMUP (10 s), DURATION (30 s), RATE (200 item pages per second), SCENARIOS (all, or a
 * comma-separated list of: staff-search-api, public-search-api, public-search-api-hits, public-search-api-selective,
 * public-search-page, public-item-page, postgres).
 * Generated items are multilingual (Vietnamese and English each, Chinese for one in three), made of words from
 * the lists below (about 60 common words per language, so that a one-word query matches a large share of the
 * collection) plus one selective token {@code k0}–{@code k19999} per item (about 1 in 20,000 matches), of every kind and field, contributed by the demo units of Hà Nội, Hà Nam and Bình Dương;
 * nine in ten are published and public, the rest drafts. Only 127.0.0.1 is accepted.
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

	/** Text of {@code n} words drawn from a list, as SQL evaluated per row (the row number keeps it from being cached). */
	static String text(String words, int n, String separator) {
		return "(select string_agg((" + words + ")[1 + floor(random() * array_length(" + words + ", 1))::int], '" + separator
				+ "') from generate_series(1, " + n + " + (g.n % 2)) s)";
	}

	static void generate(int items, int first) throws Exception {
		long started = System.nanoTime();
		try (Connection c = db()) {
			c.setAutoCommit(false);
			String vi = array(VI);
			String en = array(EN);
			String zh = array(ZH);
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
					for (String[] lang : new String[][] { { "vi", vi, " " }, { "en", en, " " }, { "zh", zh, "，" } }) {
						String where = lang[0].equals("zh") ? " where g.n % 3 = 0" : "";
						st.execute(("""
								insert into promo_translation (item_id, language, title, summary, body, status, published_at)
								select ids.id, '%s', %s, %s, %s, case when i.status = 'PUBLISHED' then 'PUBLISHED' else 'DRAFT' end, i.published_at
								from ids join g on g.n = ids.n join promo_item i on i.id = ids.id%s""")
							.formatted(lang[0], text(lang[1], 5, lang[2]), text(lang[1], 14, lang[2]),
									text(lang[1], 60, lang[2]) + " || ' k' || (g.n % 20000)",
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

	static String auth(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + env("PASSWORD", "BenchPass2026")).getBytes(StandardCharsets.UTF_8));
	}

	static HttpResponse<String> get(String path, String user) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (user != null) {
			request.header("Authorization", auth(user));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static void index() throws Exception {
		var start = HttpRequest.newBuilder(URI.create(base + "/api/v1/promotion/index"))
			.header("Authorization", auth("admin")).POST(HttpRequest.BodyPublishers.noBody()).build();
		System.out.println(HTTP.send(start, HttpResponse.BodyHandlers.ofString()).body());
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

	static String query(String[] words) {
		var r = ThreadLocalRandom.current();
		String q = words[r.nextInt(words.length)];
		return r.nextBoolean() ? q : q + " " + words[r.nextInt(words.length)];
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
		if (wanted.test("staff-search-api")) {
			closed("staff-search-api", clients, warmup, duration, () -> () -> {
				boolean vi = ThreadLocalRandom.current().nextBoolean();
				String q = query(vi ? VI : EN);
				var r = get("/api/v1/promotion/search?lang=" + (vi ? "vi" : "en") + "&q=" + encode(q), "hn.dieuphoi");
				return r.statusCode() == 200 && r.body().contains("\"total\"") && r.body().contains("\"facets\":{");
			}).print();
		}
		// The public API as a client calls it by default: the page of items with the facets and the exact total.
		if (wanted.test("public-search-api")) {
			closed("public-search-api", clients, warmup, duration, () -> () -> {
				boolean vi = ThreadLocalRandom.current().nextBoolean();
				String q = query(vi ? VI : EN);
				var r = get("/api/v1/public/items?lang=" + (vi ? "vi" : "en") + "&q=" + encode(q), null);
				return r.statusCode() == 200 && r.body().contains("\"total\"") && r.body().contains("\"facets\":{");
			}).print();
		}
		// The page of items alone (facets=false): the total is exact up to 10,000, a lower bound beyond.
		if (wanted.test("public-search-api-hits")) {
			closed("public-search-api-hits", clients, warmup, duration, () -> () -> {
				boolean vi = ThreadLocalRandom.current().nextBoolean();
				String q = query(vi ? VI : EN);
				var r = get("/api/v1/public/items?facets=false&lang=" + (vi ? "vi" : "en") + "&q=" + encode(q), null);
				return r.statusCode() == 200 && r.body().contains("\"total\"") && r.body().contains("\"items\":[{");
			}).print();
		}
		if (wanted.test("public-search-api-selective")) {
			closed("public-search-api-selective", clients, warmup, duration, () -> () -> {
				var r = get("/api/v1/public/items?lang=en&q=k" + ThreadLocalRandom.current().nextInt(20000), null);
				return r.statusCode() == 200 && r.body().contains("\"total\"") && r.body().contains("\"facets\":{");
			}).print();
		}
		// The portal's search page: hits with highlighted passages, facets, the page around them.
		if (wanted.test("public-search-page")) {
			closed("public-search-page", clients, warmup, duration, () -> () -> {
				boolean vi = ThreadLocalRandom.current().nextBoolean();
				String q = query(vi ? VI : EN);
				var r = get("/" + (vi ? "vi" : "en") + "/search?q=" + encode(q), null);
				return r.statusCode() == 200 && r.body().contains("data-testid=\"results\"");
			}).print();
		}
		if (wanted.test("public-item-page")) {
			open("public-item-page", rate, warmup, duration, () -> () -> {
				long id = published[ThreadLocalRandom.current().nextInt(published.length)];
				var r = get("/en/items/" + id, null);
				return r.statusCode() == 200;
			}).print();
		}
		if (wanted.test("postgres")) {
			postgres(clients, warmup, duration);
		}
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
			closed("postgres-fts-search", clients, warmup, duration, () -> () -> {
				boolean vi = ThreadLocalRandom.current().nextBoolean();
				PreparedStatement ps = statements.get();
				ps.setString(1, query(vi ? VI : EN));
				ps.setString(2, vi ? "vi" : "en");
				try (ResultSet rs = ps.executeQuery()) {
					return rs.next();
				}
			}).print();
		}
		closed("postgres-fts-search-selective", clients, warmup, duration, () -> () -> {
			PreparedStatement ps = statements.get();
			ps.setString(1, "k" + ThreadLocalRandom.current().nextInt(20000));
			ps.setString(2, "en");
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next();
			}
		}).print();
	}
}
