package vn.ttdn.promotion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;
import vn.ttdn.shared.files.FileStorage;
import vn.ttdn.shared.security.Actor;

/**
 * Contributes items, moves them through their workflow and records every move, comment and public
 * change, checking on the server who may do it (C8, C19).
 */
@Service
@Transactional
public class PromotionItems {

	private final EntityManager entities;
	private final JdbcClient jdbc;
	private final FileStorage files;
	private final PromotionProperties properties;
	private final Clock clock;

	PromotionItems(EntityManager entities, JdbcClient jdbc, FileStorage files, PromotionProperties properties, Clock clock) {
		this.entities = entities;
		this.jdbc = jdbc;
		this.files = files;
		this.properties = properties;
		this.clock = clock;
	}

	/** What is the same in every language. */
	public record ItemForm(ItemKind kind, List<Topic> fields, List<String> tags, @Nullable String place,
			@Nullable LocalDate takenOn, @Nullable String author, @Nullable String credit, @Nullable String licence,
			Classification classification) {
	}

	/** The text in one language. */
	public record TranslationForm(String language, String title, @Nullable String summary, @Nullable String body) {
	}

	/** A file given with an item; {@code generated} marks an illustration made by the system, not a photograph. */
	public record Upload(String filename, byte[] content, @Nullable String caption, boolean generated) {
		public Upload(String filename, byte[] content, @Nullable String caption) {
			this(filename, content, caption, false);
		}
	}

	/**
	 * A new draft of the actor's unit. Everything is checked before anything is stored: material
	 * classified as a state secret is refused with the reason (000 Art. 3.2, 15.6), the media by
	 * content, size and dimensions.
	 */
	public long create(Actor actor, ItemForm form, List<TranslationForm> translations, List<Upload> uploads) {
		Long unitId = actor.unitId();
		String jurisdiction = actor.jurisdictionCode();
		if (unitId == null || jurisdiction == null || !actor.canEditUnit(jurisdiction, unitId)) {
			throw new AccessDeniedException("contribute items");
		}
		return create(jurisdiction, unitId, actor.username(), form, translations, uploads);
	}

	long create(String jurisdiction, long unitId, String username, ItemForm form, List<TranslationForm> translations,
			List<Upload> uploads) {
		refuseClassified(form.classification());
		List<MediaCheck.Checked> checked = uploads.stream().map(u -> MediaCheck.check(u.filename(), u.content())).toList();
		List<TranslationForm> texts = checkTranslations(translations);
		Instant now = Instant.now(clock);
		PromoItem item = new PromoItem(jurisdiction, unitId, form.kind(), form.classification(), licence(form), username, now);
		describe(item, form);
		texts.forEach(t -> item.translate(t.language(), t.title(), t.summary(), t.body()));
		entities.persist(item);
		entities.flush();
		for (int i = 0; i < checked.size(); i++) {
			storeMedia(item.getId(), i, checked.get(i), uploads.get(i).caption(), uploads.get(i).generated());
		}
		event(item.getId(), username, "CREATE", null, ItemStatus.DRAFT, null, null, now);
		return item.getId();
	}

	/** Changes a draft's description and text; only while it is a draft, by its unit or the coordinating department. */
	public void update(Actor actor, long id, ItemForm form, List<TranslationForm> translations) {
		PromoItem item = item(id);
		if (!actor.canEditUnit(item.getJurisdictionCode(), item.getUnitId())) {
			throw new AccessDeniedException("item " + id);
		}
		if (item.getStatus() != ItemStatus.DRAFT) {
			throw new UserError("error.promotion.notEditable", ItemWorkflow.label("promotion.status." + item.getStatus()));
		}
		refuseClassified(form.classification());
		List<TranslationForm> texts = checkTranslations(translations);
		item.classify(form.classification());
		describe(item, form);
		texts.forEach(t -> item.translate(t.language(), t.title(), t.summary(), t.body()));
		event(id, actor.username(), "EDIT", null, null, null, null, Instant.now(clock));
	}

	/** Adds media to a draft. */
	public void addMedia(Actor actor, long id, List<Upload> uploads) {
		PromoItem item = item(id);
		if (!actor.canEditUnit(item.getJurisdictionCode(), item.getUnitId())) {
			throw new AccessDeniedException("item " + id);
		}
		if (item.getStatus() != ItemStatus.DRAFT) {
			throw new UserError("error.promotion.notEditable", ItemWorkflow.label("promotion.status." + item.getStatus()));
		}
		List<MediaCheck.Checked> checked = uploads.stream().map(u -> MediaCheck.check(u.filename(), u.content())).toList();
		int next = jdbc.sql("select coalesce(max(position) + 1, 0) from promo_media where item_id = ?").param(id)
			.query(Integer.class).single();
		for (int i = 0; i < checked.size(); i++) {
			storeMedia(id, next + i, checked.get(i), uploads.get(i).caption(), uploads.get(i).generated());
		}
	}

	/**
	 * Takes a workflow step. Clearing sets the classification the security body found (public or
	 * internal); publishing names the languages to publish, which must be written, and only public
	 * material is published; a return or withdrawal needs a reason.
	 */
	public ItemStatus act(Actor actor, long id, ItemAction action, @Nullable String note,
			@Nullable Classification classification, List<String> languages) {
		PromoItem item = item(id);
		ItemStatus from = item.getStatus();
		if (!ItemWorkflow.mayAct(actor, action, item.getJurisdictionCode(), item.getUnitId(), from)) {
			throw new AccessDeniedException("item " + id + " " + action);
		}
		ItemStatus next = ItemWorkflow.next(from, action);
		String reason = VietnameseText.clean(note);
		boolean noReason = reason == null || reason.isEmpty();
		if ((action == ItemAction.RETURN || action == ItemAction.WITHDRAW) && noReason) {
			throw new UserError("error.promotion.reasonRequired");
		}
		Instant now = Instant.now(clock);
		String language = null;
		switch (action) {
			case CLEAR -> {
				if (classification == null || classification.isStateSecret()) {
					throw new UserError("error.promotion.clearAs");
				}
				item.classify(classification);
			}
			case PUBLISH -> language = publish(item, languages, now);
			case WITHDRAW -> item.getTranslations().forEach(Translation::withdraw);
			default -> {
			}
		}
		item.move(next, now);
		event(id, actor.username(), action.name(), from, next, language, reason, now);
		if (action == ItemAction.PUBLISH) {
			change(id, from == ItemStatus.PUBLISHED ? "CHANGED" : "PUBLISHED", now);
		}
		else if (action == ItemAction.WITHDRAW) {
			change(id, "WITHDRAWN", now);
		}
		return next;
	}

	/** A comment on an item, by anyone who may see it. */
	public void comment(Actor actor, long id, String text) {
		PromoItem item = item(id);
		if (!ItemWorkflow.maySee(actor, item.getJurisdictionCode(), item.getUnitId())) {
			throw new AccessDeniedException("item " + id);
		}
		String clean = VietnameseText.nfc(text);
		if (clean == null || clean.isEmpty()) {
			throw new UserError("error.promotion.commentEmpty");
		}
		event(id, actor.username(), "COMMENT", null, null, null, clean, Instant.now(clock));
	}

	private String publish(PromoItem item, List<String> languages, Instant now) {
		if (item.getClassification() != Classification.PUBLIC) {
			throw new UserError("error.promotion.notPublic");
		}
		Set<String> chosen = new LinkedHashSet<>(languages);
		if (chosen.isEmpty()) {
			throw new UserError("error.promotion.languagesRequired");
		}
		for (String language : chosen) {
			Translation t = item.translation(language)
				.orElseThrow(() -> new UserError("error.promotion.noTranslation", language));
			t.publish(now);
		}
		return String.join(",", chosen);
	}

	private void refuseClassified(Classification classification) {
		if (classification.isStateSecret()) {
			throw new UserError("error.promotion.classified",
					ItemWorkflow.label("promotion.classification." + classification));
		}
	}

	private List<TranslationForm> checkTranslations(List<TranslationForm> translations) {
		List<TranslationForm> texts = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (TranslationForm t : translations) {
			String title = VietnameseText.clean(t.title());
			boolean empty = (title == null || title.isEmpty()) && blank(t.summary()) && blank(t.body());
			if (empty) {
				continue;
			}
			if (!properties.holds(t.language())) {
				throw new UserError("error.promotion.language", t.language());
			}
			if (title == null || title.isEmpty()) {
				throw new UserError("error.promotion.titleRequired", t.language());
			}
			if (!seen.add(t.language())) {
				throw new UserError("error.promotion.languageTwice", t.language());
			}
			texts.add(new TranslationForm(t.language(), title, t.summary(), t.body()));
		}
		if (texts.isEmpty()) {
			throw new UserError("error.promotion.translationRequired");
		}
		return texts;
	}

	private void describe(PromoItem item, ItemForm form) {
		List<String> tags = form.tags().stream().map(VietnameseText::clean).filter(s -> s != null && !s.isEmpty()).toList();
		item.describe(form.fields(), tags, VietnameseText.clean(form.place()), form.takenOn(),
				VietnameseText.clean(form.author()), VietnameseText.clean(form.credit()), licence(form));
	}

	private static String licence(ItemForm form) {
		String licence = VietnameseText.clean(form.licence());
		return licence == null || licence.isEmpty() ? "CC BY 4.0" : licence;
	}

	private void storeMedia(long itemId, int position, MediaCheck.Checked file, @Nullable String caption, boolean generated) {
		MediaCheck.Stored stored = MediaCheck.store(file, files);
		entities.persist(new PromoMedia(itemId, position, file, stored, VietnameseText.clean(caption), generated));
	}

	private PromoItem item(long id) {
		PromoItem item = entities.find(PromoItem.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
		if (item == null) {
			throw new NotFound("item", id);
		}
		return item;
	}

	private void event(long itemId, String username, String action, @Nullable ItemStatus from, @Nullable ItemStatus to,
			@Nullable String language, @Nullable String note, Instant at) {
		jdbc.sql("""
				insert into promo_event (item_id, at, username, action, from_status, to_status, language, note)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(itemId, java.sql.Timestamp.from(at), username, action, from == null ? null : from.name(),
					to == null ? null : to.name(), language, note)
			.update();
	}

	/**
	 * A row of the change feed. Changes are written one transaction at a time (an advisory lock held
	 * until commit), so their sequence numbers become visible in order and a reader resuming after a
	 * number never misses one committed later with a smaller number.
	 */
	private void change(long itemId, String kind, Instant at) {
		jdbc.sql("select pg_advisory_xact_lock(7305)").query((rs, i) -> 1).single();
		jdbc.sql("insert into promo_change (item_id, kind, at) values (?, ?, ?)")
			.params(itemId, kind, java.sql.Timestamp.from(at))
			.update();
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}
}
