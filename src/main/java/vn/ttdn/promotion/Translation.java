package vn.ttdn.promotion;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.envers.Audited;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.VietnameseText;

/**
 * The text of an item in one language, with its own status: a language is published when it has
 * been read and cleared, not because another one was. One search document per translation, with
 * its text analysed for its language ({@link TranslationText}).
 */
@Entity
@Audited
@Table(name = "promo_translation")
@Indexed(index = "promo_translation")
@TypeBinding(binder = @TypeBinderRef(type = TranslationText.class))
public class Translation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "item_id")
	@IndexedEmbedded(includePaths = { "jurisdictionCode", "unitId", "kind", "fields", "tags", "takenOn", "classification",
			"status", "year" })
	private PromoItem item;

	@KeywordField(aggregable = Aggregable.YES)
	private String language;

	private String title;
	private @Nullable String summary;
	private @Nullable String body;

	@Enumerated(EnumType.STRING)
	@KeywordField
	private TranslationStatus status = TranslationStatus.DRAFT;

	private @Nullable Instant publishedAt;

	protected Translation() {
	}

	Translation(PromoItem item, String language) {
		this.item = item;
		this.language = language;
	}

	void write(String title, @Nullable String summary, @Nullable String body) {
		this.title = VietnameseText.clean(title);
		this.summary = VietnameseText.nfc(summary);
		this.body = VietnameseText.nfc(body);
	}

	void publish(Instant now) {
		this.status = TranslationStatus.PUBLISHED;
		if (publishedAt == null) {
			publishedAt = now;
		}
	}

	void withdraw() {
		this.status = TranslationStatus.WITHDRAWN;
	}

	public Long getId() {
		return id;
	}

	public PromoItem getItem() {
		return item;
	}

	public String getLanguage() {
		return language;
	}

	public String getTitle() {
		return title;
	}

	public @Nullable String getSummary() {
		return summary;
	}

	public @Nullable String getBody() {
		return body;
	}

	public TranslationStatus getStatus() {
		return status;
	}

	/**
	 * Who may read this text: {@value #PUBLIC} when this language is published and its item is
	 * published and cleared as public, {@value #STAFF} otherwise. Only public text leaves the system
	 * (000 Art. 3.2: "bảo vệ bí mật Nhà nước"; 000 Art. 15.6: "thực hiện các quy định của pháp luật về
	 * bảo vệ bí mật Nhà nước đối với quy trình lưu trữ hệ thống dữ liệu"). Indexed as one term, so that a public search filters on one list of
	 * documents instead of three.
	 */
	@Transient
	@KeywordField
	@IndexingDependency(derivedFrom = { @ObjectPath(@PropertyValue(propertyName = "status")),
			@ObjectPath({ @PropertyValue(propertyName = "item"), @PropertyValue(propertyName = "status") }),
			@ObjectPath({ @PropertyValue(propertyName = "item"), @PropertyValue(propertyName = "classification") }) })
	public String getAudience() {
		return status == TranslationStatus.PUBLISHED && item.getStatus() == ItemStatus.PUBLISHED
				&& item.getClassification() == Classification.PUBLIC ? PUBLIC : STAFF;
	}

	static final String PUBLIC = "PUBLIC";

	static final String STAFF = "STAFF";

	public @Nullable Instant getPublishedAt() {
		return publishedAt;
	}
}
