/** The image-promotion collection (C8): items and their translations, media, clearance, search, the public portal and API. */
@org.jspecify.annotations.NullMarked
package vn.ttdn.promotion;
