package vn.ttdn.organization;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A province or centrally-run city, by its official administrative code. */
@Entity
@Table(name = "jurisdiction")
public class Jurisdiction {

	@Id
	private String code;
	private String name;
	private @Nullable String nameEn;
	@Enumerated(EnumType.STRING)
	private JurisdictionKind kind;
	/** Last day it existed separately, when merged into another. */
	private @Nullable LocalDate validTo;
	private @Nullable String successorCode;
	@Column(columnDefinition = "text")
	private @Nullable String successionNote;

	protected Jurisdiction() {
	}

	public Jurisdiction(String code, String name, @Nullable String nameEn, JurisdictionKind kind) {
		this.code = code;
		this.name = name;
		this.nameEn = nameEn;
		this.kind = kind;
	}

	/** Merged into {@code successor} after {@code lastDay}. */
	public void mergeInto(Jurisdiction successor, LocalDate lastDay, String note) {
		this.validTo = lastDay;
		this.successorCode = successor.code;
		this.successionNote = note;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public @Nullable String getNameEn() {
		return nameEn;
	}

	public JurisdictionKind getKind() {
		return kind;
	}

	public @Nullable LocalDate getValidTo() {
		return validTo;
	}

	public @Nullable String getSuccessorCode() {
		return successorCode;
	}

	public @Nullable String getSuccessionNote() {
		return successionNote;
	}
}
