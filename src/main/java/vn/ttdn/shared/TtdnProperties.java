package vn.ttdn.shared;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the application, bound from {@code ttdn.*} (environment variables {@code TTDN_*}). */
@ConfigurationProperties("ttdn")
public record TtdnProperties(Path dataDir, ZoneId zone, Database database, Demo demo, Security security) {

	public record Database(@Nullable String url, @Nullable String user, @Nullable String password, Embedded embedded) {
		public boolean isExternal() {
			return url != null && !url.isBlank();
		}
	}

	public record Embedded(boolean clean) {
	}

	public record Demo(boolean enabled, @Nullable String password) {
	}

	public record Security(int maxFailedLogins, Duration lockout) {
	}
}
