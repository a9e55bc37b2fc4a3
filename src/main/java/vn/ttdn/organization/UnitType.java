package vn.ttdn.organization;

/** Kinds of bodies the regulations address. */
public enum UnitType {
	PEOPLES_COMMITTEE, COMMITTEE_OFFICE, DEPARTMENT, MANAGEMENT_BOARD, DISTRICT_COMMITTEE, COMMUNE_COMMITTEE,
	PARTY_BODY, MASS_ORGANISATION, PRESS_AGENCY, ARMED_FORCES, POLICE, CENTRAL_AGENCY_OFFICE,
	PUBLIC_SERVICE_UNIT, STEERING_COMMITTEE,
	/** A class of bodies an article addresses as a group ("Ủy ban nhân dân quận, huyện, thị xã"). */
	COLLECTIVE
}
