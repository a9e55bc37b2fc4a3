/** Who does what: jurisdictions, units and their succession, regulation roles, duties and people (C1). */
@org.jspecify.annotations.NullMarked
package vn.ttdn.organization;
