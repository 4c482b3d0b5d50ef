// Package claim checks whether the figures an article prints hold
// together, as a careful fact-checker would.
//
// [Check] reads Vietnamese press text and returns its findings: [Extract]
// reads every figure the way the press prints it (leading zeros "07",
// ratios "3.857/45.600", dates "22-3" and "8.2022", bare years, numbers
// that name "Đề án 06", classes "3 sao", periods "6 tháng") with what it
// is of (a plan, a population, the total before it with the same noun, an
// earlier year), and [CheckClaims] tests the claims against each other by
// interval arithmetic on their printed figures (package figure): the plan
// each count and percent imply, parts that cannot add up to (or exceed)
// their total, an overall percent its parts cannot give, a share that does
// not fit its total, two percents of one population that imply different
// populations, a percent its printed ratio does not give, a change the
// counts do not make, classes and fractions of localities, a count against
// the names listed, a comparison or a mean against its figures, a place
// in a ranking against its values, and one figure printed twice with
// different values. An alarm is raised only where every plausible reading
// of the text fails; the article gets the benefit of the doubt.
//
// Each [Finding] names the figures as printed, where they stand in the
// text ([Span]: byte offsets, line and column) and the range implied; its
// message is Vietnamese by default and English on request, its kind has a
// stable JSON id (the kinds of relation of the press corpus), and
// [WriteFindingsJSON] gives them to programs. [CheckSummary] adds the line
// a reader wants first, [FailingFirst] orders findings for people.
// [CheckGrowth], [CheckLocalities], [CheckBases] and [CheckRank] check one
// claim of each kind, the last against data.
//
// Extract and Check are linear in the text: a figure looks at its
// neighbours within bounded windows, and findings quote bounded excerpts.
package claim
