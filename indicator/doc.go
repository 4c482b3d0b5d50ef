// Package indicator computes how far units are toward their plans: exact
// attainment and coverage ratios, roll-ups up a region.Hierarchy, ranks, and
// composite indices such as the digital-transformation index (DTI).
//
// A [Ratio] is an exact ratio of two integers, compared by cross-
// multiplication and rounded to a percent only when shown, half up by
// default as official figures are. A [Catalogue] names the indicators (the
// platforms and activities the press counts); a [Dataset] holds observations
// keyed by indicator, unit and date, and rejects conflicting ones;
// [Dataset.Rollup] sums actuals and plans up the hierarchy as of a date,
// where a parent's attainment is the ratio of the sums, and ranks units
// within each level. A [Criteria] set, written as JSON, scores every unit of
// a level from a roll-up ([Criteria.Score]) with exact points, pillars and
// ranks; what-if variants ([Criteria.Without], [Criteria.With]) and [Diff]
// show who moves, and [Scorecard.Merge] scores units merged in 2025 from
// their predecessors. [ReferenceCriteria] returns the sets shipped with
// chiso.
package indicator
