// Package report turns chiso's numbers into what people read, and reads what
// the press prints.
//
// Numbers are written the Vietnamese way ("60.827", "1,5", "164%") and parsed
// strictly ("217.00" is an error: a thousands group has three digits). A
// published [Figure] is an interval, not a number: "hơn 741.000" lies in
// (741.000; 742.000), and "164%" rounded half up in [163,5%; 164,5%). Claims
// are checked by interval arithmetic: [Check] reports, for a set of printed
// figures, the plan each count and percent imply, parts that cannot add up
// to their total, an overall percent the parts cannot give, and a figure
// printed twice with different values; [CheckGrowth], [CheckLocalities],
// [CheckBases] and [CheckRank] check a change between two dates, counts of
// localities, the base a percent is of, and a printed rank. Tables ([Table]:
// Markdown, CSV, JSON, HTML), one Vietnamese sentence per row ([Sentence])
// and an SVG bar chart ([WriteSVG]) present a roll-up.
package report
