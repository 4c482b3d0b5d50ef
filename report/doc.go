// Package report turns chiso's numbers into what people read, and reads what
// the press prints.
//
// Numbers are written the Vietnamese way ("60.827", "1,5", "164%") and parsed
// strictly ("217.00" is an error: a thousands group has three digits). A
// published [Figure] is an interval, not a number: "hơn 741.000" lies in
// (741.000; 742.000), and "164%" rounded half up in [163,5%; 164,5%).
//
// [CheckText] checks an article as printed: [Extract] reads every figure of
// Vietnamese press text with what it is of (a plan, a population, a total,
// an earlier year), and [Check] tests the claims against each other by
// interval arithmetic: the plan each count and percent imply, parts that
// cannot add up to (or exceed) their total, an overall percent its parts
// cannot give, a share that does not fit its total, two percents of one
// population that imply different populations, a percent its printed ratio
// does not give, a change the counts do not make, a rest that does not
// complete its fraction of localities, and one figure printed twice with
// different values. Each [Finding] names the figures as printed and the
// range implied; its message is Vietnamese by default and English on
// request, numbers written the way each language writes them, and
// [WriteFindingsJSON] gives them to programs. [CheckGrowth],
// [CheckLocalities], [CheckBases] and [CheckRank] check one claim of each
// kind, the last against data.
//
// Tables ([Table]: Markdown, CSV, JSON, HTML), one Vietnamese sentence per
// row ([Sentence]) and an SVG bar chart ([WriteSVG]) present a roll-up;
// [ScoreTable] and [WriteScoreSVG] a composite index.
package report
