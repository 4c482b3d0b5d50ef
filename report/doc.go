// Package report turns chiso's numbers into what people read: ranked
// tables ([Table]: Markdown, CSV, JSON, HTML), one Vietnamese sentence per
// row ([Sentence]), and bar charts in SVG ([WriteChart]) of a roll-up or a
// composite index ([ScoreTable]). Numbers are written in the table's
// language by package numeral: "4.431" in Vietnamese, "4,431" in English.
package report
