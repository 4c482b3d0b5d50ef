// Package claim checks whether the figures an article prints hold
// together, as a careful fact-checker would.
//
// [Check] reads Vietnamese press text and returns its findings: [Extract]
// reads every figure with what it is of (a plan, a population, a total, an
// earlier year), and [CheckClaims] tests the claims against each other by
// interval arithmetic on their printed figures (package figure): the plan
// each count and percent imply, parts that cannot add up to (or exceed)
// their total, an overall percent its parts cannot give, a share that does
// not fit its total, two percents of one population that imply different
// populations, a percent its printed ratio does not give, a change the
// counts do not make, a rest that does not complete its fraction of
// localities, and one figure printed twice with different values. Each
// [Finding] names the figures as printed and the range implied; its message
// is Vietnamese by default and English on request, and [WriteFindingsJSON]
// gives them to programs. [CheckGrowth], [CheckLocalities], [CheckBases] and
// [CheckRank] check one claim of each kind, the last against data.
package claim
