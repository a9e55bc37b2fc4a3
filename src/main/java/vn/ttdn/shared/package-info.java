/** The small kernel every module may use: Vietnamese text, dates, the database, the acting user, audit and web errors. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package vn.ttdn.shared;
