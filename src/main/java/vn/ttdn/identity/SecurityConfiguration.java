package vn.ttdn.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two ways in: the web UI with a form sign-in, a session kept in PostgreSQL and CSRF tokens; and
 * the API under {@code /api} with HTTP Basic, no session, and JSON errors. Everything but the
 * sign-in page, static files, health, the API description and the public portal of the promotion
 * collection (with its public API) needs an account.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
			+ "base-uri 'self'; form-action 'self'";

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(a -> a.requestMatchers("/api/v1/public/**").permitAll().anyRequest().authenticated())
			.httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> json(res, 401, "Cần đăng nhập (HTTP Basic).")))
			.exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> json(res, 403, "Không có quyền thực hiện thao tác này.")))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http,
			@org.springframework.beans.factory.annotation.Value("${ttdn.promotion.languages:vi,en}") java.util.List<String> languages)
			throws Exception {
		// Only the portal's own language prefixes are public: "/my/…" or any other two-letter path is not.
		String portal = "^/(" + String.join("|", languages.stream().map(l -> java.util.regex.Pattern.quote(l.strip())).toList())
				+ ")(/.*)?$";
		http.authorizeHttpRequests(a -> a
			.requestMatchers("/login", "/static/**", "/webjars/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/api-docs",
					"/swagger-ui/**", "/swagger-ui.html", "/calendar/*.ics")
			.permitAll()
			// The public portal of the promotion collection: /vi/…, /en/…, its media, the sitemap.
			.requestMatchers(org.springframework.security.web.util.matcher.RegexRequestMatcher.regexMatcher(
					org.springframework.http.HttpMethod.GET, portal), PathPatternRequestMatcher.withDefaults()
				.matcher(org.springframework.http.HttpMethod.GET, "/media/**"))
			.permitAll()
			.requestMatchers(org.springframework.http.HttpMethod.GET, "/sitemap.xml", "/sitemap-*.xml")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(new LoginFailureHandler()))
			.httpBasic(b -> {
			})
			.logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(backToLogin()))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * No observation (a trace and a timer) around each of Spring Security's filters, sign-in checks
	 * and access decisions: on an API call they cost about as much as the call's own work. The timing
	 * of every request ({@code http.server.requests}) stays.
	 */
	@Bean
	org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
		return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
	}

	/**
	 * Session attributes written with PostgreSQL's upsert: two requests of one session at once (a
	 * double click, a browser's parallel requests) would otherwise both insert the CSRF token.
	 */
	@Bean
	org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionUpserts() {
		return new org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/**
	 * A session's last access is written at most once a minute: every page read and rewrote the
	 * session row in PostgreSQL only to move its last-access time, which cost the database more than
	 * the rest of the page. A change of the session's id (at sign-in), of its owner or of its timeout
	 * is written at once, as are its attributes. The price: a session left idle may end up to a
	 * minute before its 30 minutes are over, never later.
	 */
	@Bean
	org.springframework.session.config.SessionRepositoryCustomizer<org.springframework.session.jdbc.JdbcIndexedSessionRepository> sessionAccessWrittenEveryMinute() {
		return repository -> repository.setUpdateSessionQuery(SESSION_UPDATE);
	}

	/** Spring Session's update with the same parameters (id, last access, timeout, expiry, owner, key), skipped when only the last access moved by under a minute. */
	static final String SESSION_UPDATE = """
			UPDATE %TABLE_NAME% S
			SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL,
			  EXPIRY_TIME = V.EXPIRY_TIME, PRINCIPAL_NAME = V.PRINCIPAL_NAME
			FROM (SELECT CAST(? AS CHAR(36)) AS SESSION_ID, CAST(? AS BIGINT) AS LAST_ACCESS_TIME, CAST(? AS INT) AS MAX_INACTIVE_INTERVAL,
			  CAST(? AS BIGINT) AS EXPIRY_TIME, CAST(? AS VARCHAR(100)) AS PRINCIPAL_NAME, CAST(? AS CHAR(36)) AS PRIMARY_ID) V
			WHERE S.PRIMARY_ID = V.PRIMARY_ID
			  AND (S.SESSION_ID <> V.SESSION_ID OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
			    OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME OR S.LAST_ACCESS_TIME < V.LAST_ACCESS_TIME - 60000)
			""";

	/** After signing out, always the sign-in page (also for requests that do not ask for HTML). */
	private static org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler backToLogin() {
		var handler = new org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler();
		handler.setDefaultTargetUrl("/login?logout");
		return handler;
	}

	/**
	 * BCrypt, with successful checks remembered for a while by a digest of the password and the
	 * stored hash: API clients send their password with every request, and a BCrypt check per
	 * request would cost more than the request. A changed password changes the hash and so the key.
	 */
	/** Sign-in against the accounts, with recently loaded accounts kept for a few seconds ({@link RecentPrincipals}). */
	@Bean
	org.springframework.security.authentication.dao.DaoAuthenticationProvider authenticationProvider(AccountService accounts,
			PasswordEncoder passwordEncoder, RecentPrincipals recent) {
		var provider = new org.springframework.security.authentication.dao.DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(passwordEncoder);
		provider.setUserCache(recent);
		return provider;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new RememberingPasswordEncoder(new BCryptPasswordEncoder(), 10_000);
	}

	private static void json(HttpServletResponse response, int status, String message) throws java.io.IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message + "\"}");
	}

	static final class RememberingPasswordEncoder implements PasswordEncoder {

		private final PasswordEncoder delegate;
		private final Map<String, Boolean> verified;

		RememberingPasswordEncoder(PasswordEncoder delegate, int capacity) {
			this.delegate = delegate;
			this.verified = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
					return size() > capacity;
				}
			});
		}

		@Override
		public String encode(CharSequence raw) {
			return delegate.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			if (raw == null || encoded == null) {
				return false;
			}
			String key = digest(raw + "\u0000" + encoded);
			if (verified.containsKey(key)) {
				return true;
			}
			boolean ok = delegate.matches(raw, encoded);
			if (ok) {
				verified.put(key, Boolean.TRUE);
			}
			return ok;
		}

		@Override
		public boolean upgradeEncoding(String encoded) {
			return delegate.upgradeEncoding(encoded);
		}

		private static String digest(String s) {
			try {
				return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}
	}
}
