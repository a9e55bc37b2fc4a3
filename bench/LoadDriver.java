import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop HTTP load driver for the TTĐN application on this machine: N clients, each sending its
 * next request when the previous one has answered, for a warm-up and then a fixed measurement period.
 * The latency of every successful request started in the measurement period is kept (a request still
 * running at the end is waited for, up to {@code --timeout}); throughput is the number of successful
 * responses completed within the period divided by its length; errors are non-2xx answers, I/O errors
 * and time-outs of requests started in the period. The driver prints p50, p90, p99, max, throughput
 * and errors, and one machine-readable line starting with {@code RESULT }.
 *
 * <pre>
 * java bench/LoadDriver.java --base http://127.0.0.1:8080 --name unit-api --clients 50 \
 *      --warmup 10 --duration 30 --auth basic --user admin --password-env TTDN_DEMO_PASSWORD \
 *      --url '/api/v1/units/{id}'
 * </pre>
 *
 * Placeholders in a URL: {@code {id}} a random unit id, {@code {code}} a random jurisdiction code.
 * Both lists are fetched at the start through the API (HTTP Basic): the codes of the current
 * jurisdictions ({@code GET /api/v1/jurisdictions}, or {@code --codes}) and the ids of their units
 * ({@code GET /api/v1/jurisdictions/{code}/units}).
 *
 * Authentication: {@code --auth basic} sends the credentials with every request; {@code --auth form}
 * signs every client in once through the login form (GET /login for the {@code _csrf} field and the
 * session cookie, POST /login) and then sends the session cookie. Only 127.0.0.1 / localhost are
 * accepted as targets. The run is bounded by time and by {@code --max-requests}.
 */
public class LoadDriver {

	private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
	private static final Pattern CSRF = Pattern.compile(
			"<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
	private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\\}");
	private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern VALID_TO = Pattern.compile("\"validTo\"\\s*:\\s*(null|\"[^\"]*\")");
	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	record Options(URI base, String name, List<String> urls, int clients, int warmup, int duration, String auth,
			String user, String password, List<String> codes, long maxRequests, int timeout, String expect,
			Path out) {
	}

	public static void main(String[] args) throws Exception {
		Options o;
		try {
			o = parse(args);
		}
		catch (IllegalArgumentException e) {
			System.err.println("LoadDriver: " + e.getMessage());
			System.err.println("""
					usage: java bench/LoadDriver.java --url PATH [--url PATH …] [--base http://127.0.0.1:8080]
					         [--name NAME] [--clients 50] [--warmup 10] [--duration 30] [--auth none|basic|form]
					         [--user admin] [--password P | --password-env VAR] [--codes 01,04,…]
					         [--max-requests 5000000] [--timeout 10] [--expect TEXT] [--out results.jsonl]""");
			System.exit(2);
			return;
		}
		new LoadDriver(o).run();
	}

	private static Options parse(String[] args) {
		Map<String, List<String>> m = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			if (!a.startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("bad argument " + a);
			}
			m.computeIfAbsent(a.substring(2), k -> new ArrayList<>()).add(args[++i]);
		}
		URI base = URI.create(one(m, "base", "http://127.0.0.1:8080").replaceAll("/+$", ""));
		if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
			throw new IllegalArgumentException("--base must be an http(s) URL");
		}
		if (base.getHost() == null || !LOCAL_HOSTS.contains(base.getHost().toLowerCase(Locale.ROOT))) {
			throw new IllegalArgumentException("only 127.0.0.1 or localhost may be targeted, not " + base.getHost());
		}
		List<String> urls = m.getOrDefault("url", List.of());
		if (urls.isEmpty()) {
			throw new IllegalArgumentException("at least one --url is needed");
		}
		for (String u : urls) {
			if (!u.startsWith("/")) {
				throw new IllegalArgumentException("--url takes a path starting with / (the host is --base): " + u);
			}
		}
		String password = one(m, "password", null);
		String passwordEnv = one(m, "password-env", null);
		if (password == null && passwordEnv != null) {
			password = System.getenv(passwordEnv);
		}
		String auth = one(m, "auth", "basic");
		if (!Set.of("none", "basic", "form").contains(auth)) {
			throw new IllegalArgumentException("--auth is none, basic or form");
		}
		String user = one(m, "user", "admin");
		boolean needsLists = urls.stream().anyMatch(u -> u.contains("{id}") || u.contains("{code}"));
		if ((!"none".equals(auth) || needsLists) && (password == null || password.isEmpty())) {
			throw new IllegalArgumentException("a password is needed (--password or --password-env)");
		}
		String codes = one(m, "codes", "");
		int clients = Integer.parseInt(one(m, "clients", "50"));
		int warmup = Integer.parseInt(one(m, "warmup", "10"));
		int duration = Integer.parseInt(one(m, "duration", "30"));
		if (clients < 1 || clients > 1000 || warmup < 0 || warmup > 600 || duration < 1 || duration > 600) {
			throw new IllegalArgumentException("clients 1–1000, warm-up 0–600 s, duration 1–600 s");
		}
		int timeout = Integer.parseInt(one(m, "timeout", "10"));
		if (timeout < 1 || timeout > 600) {
			throw new IllegalArgumentException("--timeout is 1–600 s");
		}
		String out = one(m, "out", null);
		return new Options(base, one(m, "name", "scenario"), urls, clients, warmup, duration, auth, user,
				password == null ? "" : password,
				codes.isBlank() ? List.of() : Arrays.stream(codes.split(",")).map(String::trim).toList(),
				Math.min(50_000_000L, Long.parseLong(one(m, "max-requests", "5000000"))),
				timeout, one(m, "expect", null),
				out == null ? null : Path.of(out));
	}

	private static String one(Map<String, List<String>> m, String key, String fallback) {
		List<String> v = m.get(key);
		return v == null ? fallback : v.getLast();
	}

	// ------------------------------------------------------------------------------------------

	private final Options o;
	private final HttpClient http;
	private final String basic;
	private List<String> codes = List.of();
	private long[] ids = new long[0];

	private final String host;
	private final byte[] expect;

	private final AtomicLong issued = new AtomicLong();
	private final AtomicLong warmupErrors = new AtomicLong();
	private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
	private final AtomicLong bytes = new AtomicLong();
	private final AtomicLong responses = new AtomicLong();

	LoadDriver(Options o) {
		this.o = o;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.basic = "Basic " + Base64.getEncoder()
			.encodeToString((o.user() + ":" + o.password()).getBytes(StandardCharsets.UTF_8));
		this.host = o.base().getPort() < 0 ? o.base().getHost() : o.base().getHost() + ":" + o.base().getPort();
		this.expect = o.expect() == null ? null : o.expect().getBytes(StandardCharsets.UTF_8);
	}

	/** What one client measured: latencies in nanoseconds of the successful requests of the measurement period. */
	static final class Samples {
		long[] values = new long[4096];
		long[] starts = new long[4096];
		int size;
		long errors;
		long completed;

		void add(long start, long v) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
				starts = Arrays.copyOf(starts, size * 2);
			}
			starts[size] = start;
			values[size++] = v;
		}
	}

	void run() throws Exception {
		prepareLists();
		System.out.printf(Locale.ROOT, "scenario %s: %d clients, warm-up %d s, measurement %d s, auth %s, urls %s%n",
				o.name(), o.clients(), o.warmup(), o.duration(), o.auth(), o.urls());
		if (ids.length > 0) {
			System.out.printf(Locale.ROOT, "  %d unit ids of %d jurisdictions to draw from%n", ids.length, codes.size());
		}
		else if (!codes.isEmpty()) {
			System.out.printf(Locale.ROOT, "  %d jurisdiction codes to draw from%n", codes.size());
		}

		// Sign in every client before the clock starts.
		List<String> cookies = new ArrayList<>();
		for (int c = 0; c < o.clients(); c++) {
			cookies.add("form".equals(o.auth()) ? signIn() : null);
		}

		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
		long measureFrom = start + TimeUnit.SECONDS.toNanos(o.warmup());
		long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(o.duration());
		List<Samples> all = new ArrayList<>();
		CountDownLatch done = new CountDownLatch(o.clients());
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < o.clients(); c++) {
				Samples samples = new Samples();
				all.add(samples);
				String cookie = cookies.get(c);
				int first = c;
				pool.submit(() -> {
					try {
						client(first, cookie, samples, start, measureFrom, measureTo);
					}
					finally {
						done.countDown();
					}
				});
			}
			long limit = measureTo + TimeUnit.SECONDS.toNanos(o.timeout() + 5) - System.nanoTime();
			if (!done.await(Math.max(1, limit), TimeUnit.NANOSECONDS)) {
				System.err.println("some clients did not finish in time; stopping them");
				pool.shutdownNow();
			}
		}
		report(all);
		System.exit(0);
	}

	private void client(int index, String cookie, Samples samples, long start, long measureFrom, long measureTo) {
		for (long wait = start - System.nanoTime(); wait > 0; wait = start - System.nanoTime()) {
			LockSupport.parkNanos(wait);
		}
		int turn = index;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		Connection connection = new Connection(o.base(), o.timeout());
		try {
			while (true) {
				long t0 = System.nanoTime();
				if (t0 >= measureTo || issued.incrementAndGet() > o.maxRequests()) {
					return;
				}
				String path = expand(o.urls().get(turn++ % o.urls().size()), random);
				String error = null;
				try {
					byte[] request = request(path, cookie);
					Connection.Response response = connection.exchange(request, t0 + TimeUnit.SECONDS.toNanos(o.timeout()));
					bytes.addAndGet(response.length());
					responses.incrementAndGet();
					if (response.status() / 100 != 2) {
						error = "HTTP " + response.status();
					}
					else if (expect != null && !response.contains(expect)) {
						error = "body without expected text";
					}
				}
				catch (IOException e) {
					connection.close();
					error = e.getClass().getSimpleName();
				}
				long t1 = System.nanoTime();
				if (error != null && !error.startsWith("HTTP") && !pause(10)) {
					return;
				}
				boolean started = t0 >= measureFrom && t0 < measureTo;
				if (error != null) {
					if (started) {
						samples.errors++;
						errorKinds.computeIfAbsent(error, k -> new AtomicLong()).incrementAndGet();
					}
					else if (t0 < measureFrom) {
						warmupErrors.incrementAndGet();
					}
				}
				else {
					if (started) {
						samples.add(t0 - measureFrom, t1 - t0);
					}
					if (t1 >= measureFrom && t1 <= measureTo) {
						samples.completed++;
					}
				}
			}
		}
		finally {
			connection.close();
		}
	}

	/** The request's bytes: a GET with the same headers for every request of this run, the credentials or the session cookie. */
	private byte[] request(String path, String cookie) {
		StringBuilder head = new StringBuilder(256).append("GET ").append(path).append(" HTTP/1.1\r\nHost: ")
			.append(host)
			.append("\r\nAccept: ")
			.append(path.startsWith("/api/") ? "application/json" : "text/html")
			.append("\r\nUser-Agent: ttdn-load-driver\r\n");
		if ("basic".equals(o.auth())) {
			head.append("Authorization: ").append(basic).append("\r\n");
		}
		else if (cookie != null) {
			head.append("Cookie: ").append(cookie).append("\r\n");
		}
		return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Sleeps a little after a failed connection so that a stopped server is not hammered; false if interrupted. */
	private static boolean pause(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private String expand(String template, ThreadLocalRandom random) {
		String s = template;
		if (s.contains("{code}")) {
			s = s.replace("{code}", codes.get(random.nextInt(codes.size())));
		}
		if (s.contains("{id}")) {
			s = s.replace("{id}", Long.toString(ids[random.nextInt(ids.length)]));
		}
		return s;
	}

	// ------------------------------------------------------------------------------------------ set-up

	private void prepareLists() throws IOException, InterruptedException {
		boolean wantsCodes = o.urls().stream().anyMatch(u -> u.contains("{code}") || u.contains("{id}"));
		if (!wantsCodes) {
			return;
		}
		List<String> chosen = new ArrayList<>(o.codes());
		if (chosen.isEmpty()) {
			String body = apiGet("/api/v1/jurisdictions");
			Matcher objects = OBJECT.matcher(body);
			while (objects.find()) {
				String obj = objects.group();
				Matcher code = CODE.matcher(obj);
				Matcher validTo = VALID_TO.matcher(obj);
				if (code.find() && (!validTo.find() || "null".equals(validTo.group(1)))) {
					chosen.add(code.group(1));
				}
			}
		}
		if (chosen.isEmpty()) {
			throw new IllegalStateException("no current jurisdictions found");
		}
		codes = List.copyOf(chosen);
		if (o.urls().stream().anyMatch(u -> u.contains("{id}"))) {
			List<Long> found = new ArrayList<>();
			for (String code : codes) {
				Matcher id = ID.matcher(apiGet("/api/v1/jurisdictions/" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "/units"));
				while (id.find()) {
					found.add(Long.parseLong(id.group(1)));
				}
			}
			if (found.isEmpty()) {
				throw new IllegalStateException("no unit ids found");
			}
			ids = found.stream().mapToLong(Long::longValue).toArray();
		}
	}

	private String apiGet(String path) throws IOException, InterruptedException {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(o.base().resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", basic)
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
		}
		return r.body();
	}

	/** Form sign-in: GET /login for the CSRF token and session cookie, POST /login, keep the new session cookie. */
	private String signIn() throws IOException, InterruptedException {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(o.base().resolve("/login"))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
		if (page.statusCode() != 200) {
			throw new IllegalStateException("GET /login answered " + page.statusCode());
		}
		Matcher csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("no _csrf field on the login page");
		}
		String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
		Map<String, String> jar = new TreeMap<>();
		collectCookies(page.headers(), jar);
		String form = "username=" + URLEncoder.encode(o.user(), StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(o.password(), StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(unescape(token), StandardCharsets.UTF_8);
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(o.base().resolve("/login"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookieHeader(jar))
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || location.contains("error") || location.endsWith("/login")) {
			throw new IllegalStateException("sign-in as " + o.user() + " failed: " + login.statusCode() + " " + location);
		}
		collectCookies(login.headers(), jar);
		if (jar.isEmpty()) {
			throw new IllegalStateException("no session cookie after sign-in");
		}
		return cookieHeader(jar);
	}

	private static void collectCookies(HttpHeaders headers, Map<String, String> jar) {
		for (String header : headers.allValues("Set-Cookie")) {
			String pair = header.split(";", 2)[0];
			int eq = pair.indexOf('=');
			if (eq > 0) {
				jar.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
			}
		}
	}

	private static String cookieHeader(Map<String, String> jar) {
		StringBuilder sb = new StringBuilder();
		jar.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "; ").append(k).append('=').append(v));
		return sb.toString();
	}

	private static String unescape(String html) {
		return html.replace("&#45;", "-").replace("&quot;", "\"").replace("&amp;", "&");
	}

	// ------------------------------------------------------------------------------------------ report

	private void report(List<Samples> all) throws IOException {
		int n = all.stream().mapToInt(s -> s.size).sum();
		long errors = all.stream().mapToLong(s -> s.errors).sum();
		long[] v = new long[n];
		int at = 0;
		for (Samples s : all) {
			System.arraycopy(s.values, 0, v, at, s.size);
			at += s.size;
		}
		Arrays.sort(v);
		double mean = n == 0 ? 0 : Arrays.stream(v).average().orElse(0) / 1e6;
		double p50 = pct(v, 0.50);
		double p90 = pct(v, 0.90);
		double p99 = pct(v, 0.99);
		double max = n == 0 ? 0 : v[n - 1] / 1e6;
		long completed = all.stream().mapToLong(s -> s.completed).sum();
		double throughput = completed / (double) o.duration();
		System.out.printf(Locale.ROOT, "  requests started in the measurement period: %d ok, %d errors (%d errors during warm-up)%s%n",
				n, errors, warmupErrors.get(), errorKinds.isEmpty() ? "" : " " + new TreeMap<>(errorKinds));
		System.out.printf(Locale.ROOT, "  throughput %.1f requests/s (%d successful responses completed in the period)%n",
				throughput, completed);
		System.out.printf(Locale.ROOT, "  latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f  mean %.1f%n", p50, p90, p99,
				max, mean);
		System.out.println("  p99 by period of the measurement (ms): " + windows(all));
		double driverCpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0);
		System.out.printf(Locale.ROOT, "  all requests including warm-up %d; load driver CPU time %.1f s%n", responses.get(),
				driverCpu);
		String json = String.format(Locale.ROOT,
				"{\"scenario\":\"%s\",\"clients\":%d,\"warmup_s\":%d,\"duration_s\":%d,\"requests\":%d,\"errors\":%d,"
						+ "\"completed\":%d,\"throughput_rps\":%.1f,\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,"
						+ "\"mean_ms\":%.2f,\"avg_bytes\":%d,\"all_requests\":%d,\"driver_cpu_s\":%.1f,\"urls\":\"%s\"}",
				o.name(), o.clients(), o.warmup(), o.duration(), n, errors, completed, throughput, p50, p90, p99, max, mean,
				bytes.get() / Math.max(1, responses.get()), responses.get(), driverCpu,
				String.join(" ", o.urls()).replace("\"", ""));
		System.out.println("RESULT " + json);
		if (o.out() != null) {
			Files.writeString(o.out(), json + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
	}

	/** The p99 latency of the requests started in each tenth of the measurement period (at least 1 s each): where the slow ones were. */
	private String windows(List<Samples> all) {
		long width = Math.max(TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(o.duration()) / 10);
		int count = (int) ((TimeUnit.SECONDS.toNanos(o.duration()) + width - 1) / width);
		List<List<Long>> byWindow = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			byWindow.add(new ArrayList<>());
		}
		for (Samples s : all) {
			for (int i = 0; i < s.size; i++) {
				byWindow.get((int) Math.min(count - 1, s.starts[i] / width)).add(s.values[i]);
			}
		}
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < count; i++) {
			long[] v = byWindow.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
			sb.append(sb.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%d–%d s %.0f", i * width / 1_000_000_000L,
					Math.min(o.duration(), (i + 1) * width / 1_000_000_000L), pct(v, 0.99)));
		}
		return sb.toString();
	}

	/** Nearest-rank percentile in milliseconds. */
	private static double pct(long[] sorted, double q) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(q * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

	// ------------------------------------------------------------------------------------------ HTTP/1.1

	/**
	 * One client's keep-alive connection: a blocking socket that sends a request and reads the whole
	 * answer (status, headers, a body by Content-Length or chunked), so that every answer is checked.
	 * Written for this driver instead of java.net.http.HttpClient, which took about as much CPU per
	 * request as the application it measured, on the same two CPUs. A connection that the server
	 * closed between two requests (Tomcat closes a keep-alive connection after 100 requests, saying
	 * so in the answer) is opened again before the next request, as any HTTP client does.
	 */
	static final class Connection {

		record Response(int status, byte[] body, int length) {

			boolean contains(byte[] text) {
				int last = length - text.length;
				byte first = text[0];
				outer: for (int i = 0; i <= last; i++) {
					if (body[i] != first) {
						continue;
					}
					for (int j = 1; j < text.length; j++) {
						if (body[i + j] != text[j]) {
							continue outer;
						}
					}
					return true;
				}
				return false;
			}
		}

		private final URI base;
		private final int timeoutSeconds;
		private Socket socket;
		private InputStream in;
		private OutputStream out;
		private final byte[] buffer = new byte[16 * 1024];
		private int position;
		private int limit;
		private byte[] body = new byte[64 * 1024];

		Connection(URI base, int timeoutSeconds) {
			this.base = base;
			this.timeoutSeconds = timeoutSeconds;
		}

		/** Sends the request and reads the answer before {@code deadline} (System.nanoTime). */
		Response exchange(byte[] request, long deadline) throws IOException {
			boolean reused = socket != null;
			if (!reused) {
				open();
			}
			try {
				out.write(request);
				out.flush();
				return read(deadline);
			}
			catch (EOFException | SocketException e) {
				if (!reused) {
					throw e;
				}
				// The server closed the kept-alive connection before this request: once more, on a new one.
				close();
				open();
				out.write(request);
				out.flush();
				return read(deadline);
			}
		}

		private void open() throws IOException {
			int port = base.getPort() > 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80);
			Socket s = "https".equals(base.getScheme()) ? javax.net.ssl.SSLSocketFactory.getDefault().createSocket()
					: new Socket();
			s.setTcpNoDelay(true);
			s.connect(new java.net.InetSocketAddress(base.getHost(), port), 5_000);
			socket = s;
			in = s.getInputStream();
			out = new java.io.BufferedOutputStream(s.getOutputStream(), 1024);
			position = 0;
			limit = 0;
		}

		void close() {
			if (socket != null) {
				try {
					socket.close();
				}
				catch (IOException e) {
					// closing anyway
				}
			}
			socket = null;
			in = null;
			out = null;
		}

		private Response read(long deadline) throws IOException {
			String statusLine = line(deadline);
			if (statusLine == null) {
				throw new EOFException("connection closed before the answer");
			}
			if (!statusLine.startsWith("HTTP/1.")) {
				throw new IOException("not an HTTP answer: " + statusLine);
			}
			int status = Integer.parseInt(statusLine.substring(9, 12));
			long contentLength = -1;
			boolean chunked = false;
			boolean closes = statusLine.startsWith("HTTP/1.0");
			for (String header = line(deadline); header != null && !header.isEmpty(); header = line(deadline)) {
				int colon = header.indexOf(':');
				if (colon <= 0) {
					continue;
				}
				String name = header.substring(0, colon).trim();
				String value = header.substring(colon + 1).trim();
				if (name.equalsIgnoreCase("Content-Length")) {
					contentLength = Long.parseLong(value);
				}
				else if (name.equalsIgnoreCase("Transfer-Encoding")) {
					chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				}
				else if (name.equalsIgnoreCase("Connection")) {
					closes = value.equalsIgnoreCase("close");
				}
			}
			int length = 0;
			if (chunked) {
				while (true) {
					String size = line(deadline);
					if (size == null) {
						throw new EOFException("connection closed inside a chunked body");
					}
					int semicolon = size.indexOf(';');
					int n = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
					if (n == 0) {
						for (String trailer = line(deadline); trailer != null && !trailer.isEmpty(); trailer = line(deadline)) {
							// trailers are not used
						}
						break;
					}
					length = readBody(length, n, deadline);
					line(deadline);
				}
			}
			else if (contentLength >= 0) {
				length = readBody(0, Math.toIntExact(contentLength), deadline);
			}
			else if (status != 204 && status != 304 && status >= 200) {
				// No length: the body runs until the server closes the connection.
				closes = true;
				while (position < limit || fill(deadline)) {
					length = readBody(length, limit - position, deadline);
				}
			}
			if (closes) {
				close();
			}
			return new Response(status, body, length);
		}

		/** Appends {@code n} body bytes at {@code at}; returns the new length. */
		private int readBody(int at, int n, long deadline) throws IOException {
			if (body.length < at + n) {
				body = Arrays.copyOf(body, Math.max(body.length * 2, at + n));
			}
			int end = at + n;
			while (at < end) {
				if (position == limit && !fill(deadline)) {
					throw new EOFException("connection closed inside the body");
				}
				int chunk = Math.min(end - at, limit - position);
				System.arraycopy(buffer, position, body, at, chunk);
				position += chunk;
				at += chunk;
			}
			return end;
		}

		/** A header line without its CRLF (ISO-8859-1), or null at the end of the stream. */
		private String line(long deadline) throws IOException {
			StringBuilder sb = null;
			while (true) {
				if (position == limit && !fill(deadline)) {
					return sb == null ? null : sb.toString();
				}
				int start = position;
				while (position < limit && buffer[position] != '\n') {
					position++;
				}
				String piece = new String(buffer, start, position - start, StandardCharsets.ISO_8859_1);
				if (position < limit) {
					position++;
					String whole = sb == null ? piece : sb.append(piece).toString();
					return whole.endsWith("\r") ? whole.substring(0, whole.length() - 1) : whole;
				}
				if (sb == null) {
					sb = new StringBuilder();
				}
				sb.append(piece);
			}
		}

		/** Reads more bytes into the buffer; false at the end of the stream. */
		private boolean fill(long deadline) throws IOException {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new java.net.SocketTimeoutException("no answer within " + timeoutSeconds + " s");
			}
			socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left))));
			int n = in.read(buffer, 0, buffer.length);
			if (n < 0) {
				return false;
			}
			position = 0;
			limit = n;
			return true;
		}
	}
}
