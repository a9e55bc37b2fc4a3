/** Each jurisdiction's legal basis and the rules it sets: documents, articles, and what is due to whom, when, on which form (C2). */
@org.jspecify.annotations.NullMarked
package vn.ttdn.regulation;
