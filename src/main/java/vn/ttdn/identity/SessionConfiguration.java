package vn.ttdn.identity;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Web sessions in PostgreSQL (Spring Session JDBC, so that every node sees them), used through
 * {@link NodeSessions}, which keeps a recently read session on the node for a few seconds. Declared
 * here rather than left to Spring Boot's auto-configuration, which steps back when the application
 * provides its own session repository; the timeout still comes from {@code spring.session.timeout}.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession
class SessionConfiguration {

	@Bean
	@Primary
	NodeSessions nodeSessions(JdbcIndexedSessionRepository store, JdbcClient jdbc,
			@Value("${ttdn.session.keep:PT10S}") Duration keep,
			@Value("${ttdn.session.change-poll:PT0.25S}") Duration changePoll) {
		return new NodeSessions(store, jdbc, keep, changePoll);
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
			@Value("${spring.session.timeout:30m}") Duration timeout) {
		return repository -> repository.setDefaultMaxInactiveInterval(timeout);
	}
}
