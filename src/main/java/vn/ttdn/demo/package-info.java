/** Demonstration data from the seed documents, loaded once on first start through each module's public API. */
@org.jspecify.annotations.NullMarked
package vn.ttdn.demo;
