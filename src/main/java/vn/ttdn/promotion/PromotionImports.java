package vn.ttdn.promotion;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.files.FileStorage;
import vn.ttdn.shared.security.Actor;
import vn.ttdn.shared.security.CurrentActor;

/**
 * Bulk import of items from a ZIP: previewed (every line checked, nothing saved), then on
 * confirmation imported in the background, all items in one transaction — all or nothing — with the
 * progress visible to the person who started it. Imported items are drafts of the importer's unit
 * and go through the same review and clearance as any other.
 */
@Service
public class PromotionImports {

	private static final Logger log = LoggerFactory.getLogger(PromotionImports.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final FileStorage files;
	private final PromotionItems items;
	private final PromotionProperties properties;
	private final MessageSource messages;
	private final TransactionTemplate transaction;
	private final TransactionTemplate separately;
	private final Clock clock;

	PromotionImports(JdbcClient jdbc, FileStorage files, PromotionItems items, PromotionProperties properties,
			MessageSource messages, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.files = files;
		this.items = items;
		this.properties = properties;
		this.messages = messages;
		this.transaction = new TransactionTemplate(transactions);
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	public record LineError(int line, String message) {
	}

	public record ImportView(long id, String filename, String status, int total, int done, @Nullable String message,
			List<Map<String, Object>> items, List<LineError> errors) {
	}

	/** Reads and checks the package; keeps it for confirmation only when every line is right. */
	public ImportView preview(Actor actor, @Nullable String filename, byte[] zip) {
		Long unitId = actor.unitId();
		String jurisdiction = actor.jurisdictionCode();
		if (unitId == null || jurisdiction == null || !actor.canEditUnit(jurisdiction, unitId)) {
			throw new AccessDeniedException("import items");
		}
		if (zip.length == 0) {
			throw new UserError("error.import.empty");
		}
		ImportPackage.Parsed parsed = ImportPackage.read(zip, properties);
		Locale locale = LocaleContextHolder.getLocale();
		List<LineError> errors = parsed.problems().stream()
			.map(p -> new LineError(p.line(), messages.getMessage(p.key(), p.arguments(), p.key(), locale)))
			.toList();
		List<Map<String, Object>> summary = new ArrayList<>();
		for (ImportPackage.ItemSpec item : parsed.items()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("ref", item.ref());
			row.put("kind", item.form().kind().name());
			row.put("title", item.translations().getFirst().title());
			row.put("languages", item.translations().stream().map(PromotionItems.TranslationForm::language).toList());
			row.put("media", item.uploads().size());
			summary.add(row);
		}
		boolean valid = errors.isEmpty();
		String key = valid ? files.put(zip) : "";
		String name = filename == null || filename.isBlank() ? "import.zip" : filename;
		Map<String, Object> preview = Map.of("items", summary, "errors", errors);
		long id = jdbc.sql("""
				insert into promo_import (jurisdiction_code, unit_id, username, filename, file_key, status, preview, total, created_at)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) returning id""")
			.params(jurisdiction, unitId, actor.username(), name, key, valid ? "PREVIEWED" : "INVALID",
					JSON.writeValueAsString(preview), summary.size(), java.sql.Timestamp.from(Instant.now(clock)))
			.query(Long.class)
			.single();
		return view(actor, id);
	}

	public ImportView view(Actor actor, long id) {
		record Row(long id, String username, String filename, String status, int total, int done, @Nullable String message,
				String preview) {
		}
		Row row = jdbc.sql("select id, username, filename, status, total, done, message, preview::text as preview from promo_import where id = ?")
			.param(id)
			.query(Row.class)
			.optional()
			.orElseThrow(() -> new NotFound("import", id));
		if (!row.username().equals(actor.username()) && !actor.isSystemAdmin()) {
			throw new NotFound("import", id);
		}
		Map<?, ?> preview = JSON.readValue(row.preview(), Map.class);
		List<Map<String, Object>> summary = new ArrayList<>();
		for (Object o : (List<?>) preview.get("items")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> m = (Map<String, Object>) o;
			summary.add(m);
		}
		List<LineError> errors = ((List<?>) preview.get("errors")).stream()
			.map(o -> (Map<?, ?>) o)
			.map(m -> new LineError(((Number) m.get("line")).intValue(), String.valueOf(m.get("message"))))
			.toList();
		return new ImportView(row.id(), row.filename(), row.status(), row.total(), row.done(), row.message(), summary, errors);
	}

	/** Starts the import of a previewed package in the background; its progress is read with {@link #view}. */
	public ImportView confirm(Actor actor, long id) {
		ImportView current = view(actor, id);
		int claimed = jdbc.sql("update promo_import set status = 'RUNNING' where id = ? and status = 'PREVIEWED'")
			.param(id)
			.update();
		if (claimed == 0) {
			throw new UserError("error.promotion.import.notPreviewed", current.status());
		}
		Thread.ofVirtual().name("promotion-import-" + id).start(() -> run(actor, id));
		return view(actor, id);
	}

	private void run(Actor actor, long id) {
		record Job(String jurisdictionCode, long unitId, String username, String fileKey) {
		}
		Job job = jdbc.sql("select jurisdiction_code, unit_id, username, file_key from promo_import where id = ?")
			.param(id).query(Job.class).single();
		SecurityContextHolder.getContext().setAuthentication(
				new UsernamePasswordAuthenticationToken((CurrentActor.Holder) () -> actor, null, List.of()));
		try {
			ImportPackage.Parsed parsed = ImportPackage.read(files.get(job.fileKey()), properties);
			if (!parsed.problems().isEmpty()) {
				throw new UserError("error.import.hasErrors");
			}
			transaction.executeWithoutResult(status -> {
				int done = 0;
				for (ImportPackage.ItemSpec item : parsed.items()) {
					items.create(job.jurisdictionCode(), job.unitId(), job.username(), item.form(), item.translations(),
							item.uploads());
					int progress = ++done;
					separately.executeWithoutResult(s -> jdbc.sql("update promo_import set done = ? where id = ?")
						.params(progress, id).update());
				}
			});
			finish(id, "DONE", null);
		}
		catch (UserError e) {
			finish(id, "FAILED", messages.getMessage(e.key(), e.arguments(), e.key(), Locale.forLanguageTag("vi")));
		}
		catch (RuntimeException e) {
			log.error("Import {} failed", id, e);
			finish(id, "FAILED", messages.getMessage("error.promotion.import.failed", null, Locale.forLanguageTag("vi")));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void finish(long id, String status, @Nullable String message) {
		jdbc.sql("update promo_import set status = ?, message = ?, finished_at = ?, done = case when ? = 'DONE' then done else 0 end where id = ?")
			.params(status, message, java.sql.Timestamp.from(Instant.now(clock)), status, id)
			.update();
	}
}
