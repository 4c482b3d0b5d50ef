// Package indicator computes how far units are toward their plans: exact
// attainment and coverage ratios, roll-ups up a region.Hierarchy, and ranks.
// Composite indices such as the digital-transformation index (DTI) are
// scored from its roll-ups by the sub-package composite.
//
// A [Ratio] is an exact ratio of two integers, compared by cross-
// multiplication and rounded to a percent only when shown, half up by
// default as official figures are. A [Catalogue] names the indicators (the
// platforms and activities the press counts); a [Dataset] holds observations
// keyed by indicator, unit and date, and rejects conflicting ones;
// [Dataset.Rollup] sums actuals and plans up the hierarchy as of a date,
// where a parent's attainment is the ratio of the sums, and ranks units
// within each level; [Result.Column] gives one indicator's roll-up to
// readers such as composite, and [RankBy] is the one ranking every package
// uses (ties in Vietnamese collation order of names, then code).
//
// Share targets ("50% người trưởng thành") resolve against each unit's
// base, the indicator's [Indicator.Base], exactly; [Dataset.RollupWith]
// shows coverage Σ actual / Σ base beside attainment.
package indicator
