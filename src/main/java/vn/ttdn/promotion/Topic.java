package vn.ttdn.promotion;

/** The fields an item introduces the jurisdiction in (004 Art. 8: "giới thiệu … trên các lĩnh vực"). */
public enum Topic {
	LAND_AND_PEOPLE, HISTORY, CULTURE, TOURISM, INVESTMENT, ACHIEVEMENTS, FOREIGN_RELATIONS
}
