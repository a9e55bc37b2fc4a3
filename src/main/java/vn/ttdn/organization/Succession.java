package vn.ttdn.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A recorded change of the administration on a date, linking the bodies before and after. */
@Entity
@Table(name = "succession")
public class Succession {

	public enum Side {
		FROM, TO
	}

	@Embeddable
	public record Link(@Column(name = "unit_id") Long unitId, @Enumerated(EnumType.STRING) Side side) {
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String jurisdictionCode;
	@Enumerated(EnumType.STRING)
	private SuccessionKind kind;
	private LocalDate effectiveDate;
	private @Nullable String basis;
	@Column(columnDefinition = "text")
	private @Nullable String note;
	private boolean confirmed;
	@Column(columnDefinition = "text")
	private @Nullable String source;
	private @Nullable String recordedBy;
	private Instant recordedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "succession_unit", joinColumns = @JoinColumn(name = "succession_id"))
	private Set<Link> units = new LinkedHashSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "succession_role", joinColumns = @JoinColumn(name = "succession_id"))
	@Column(name = "role_code")
	private Set<String> roles = new LinkedHashSet<>();

	protected Succession() {
	}

	Succession(String jurisdictionCode, SuccessionKind kind, LocalDate effectiveDate, List<Long> from, List<Long> to,
			Set<String> roles, @Nullable String basis, @Nullable String note, boolean confirmed,
			@Nullable String source, @Nullable String recordedBy, Instant recordedAt) {
		this.jurisdictionCode = jurisdictionCode;
		this.kind = kind;
		this.effectiveDate = effectiveDate;
		from.forEach(id -> units.add(new Link(id, Side.FROM)));
		to.forEach(id -> units.add(new Link(id, Side.TO)));
		this.roles.addAll(roles);
		this.basis = basis;
		this.note = note;
		this.confirmed = confirmed;
		this.source = source;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	void annotate(boolean confirmed, @Nullable String source) {
		this.confirmed = confirmed;
		this.source = source;
	}

	public List<Long> from() {
		return units.stream().filter(l -> l.side() == Side.FROM).map(Link::unitId).toList();
	}

	public List<Long> to() {
		return units.stream().filter(l -> l.side() == Side.TO).map(Link::unitId).toList();
	}

	public Long getId() {
		return id;
	}

	public String getJurisdictionCode() {
		return jurisdictionCode;
	}

	public SuccessionKind getKind() {
		return kind;
	}

	public LocalDate getEffectiveDate() {
		return effectiveDate;
	}

	public @Nullable String getBasis() {
		return basis;
	}

	public @Nullable String getNote() {
		return note;
	}

	public boolean isConfirmed() {
		return confirmed;
	}

	public @Nullable String getSource() {
		return source;
	}

	public @Nullable String getRecordedBy() {
		return recordedBy;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

	public Set<String> getRoles() {
		return Set.copyOf(roles);
	}
}
