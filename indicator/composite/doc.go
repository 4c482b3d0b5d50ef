// Package composite scores composite indices such as Vietnam's
// digital-transformation index (DTI): criteria sets as data, exact scores,
// pillars as published, ranks, what-if variants and rank sensitivity.
//
// A [Spec] describes a set (a tree of groups, main indicators and
// sub-indicators with their points; each leaf reads a measure from an
// indicator.Result or from [Reported] values and scores it with a [Rule]);
// [New] and [Parse] validate it into an immutable [Criteria], and
// [Reference] returns the sets shipped with chiso (922/QĐ-BTTTT,
// 405/QĐ-BKHCN, a commune-level example). [Criteria.Score] gives a
// [Scorecard] of exact points, the index, pillar values (a criterion may
// count toward several pillars, as 922's common foundation counts toward
// all three) and ranks. [ReadReported] reads published values, as points or
// as shares of each criterion's points. [Criteria.Without],
// [Criteria.With] and [Criteria.Reweighted] make what-if sets, [Diff] shows
// who moves, [Scorecard.Merge] scores units merged in 2025 from their
// predecessors, and [Scorecard.Sensitivity] shows how robust each rank is,
// as a [Spread] per unit.
//
// Indices built from raw data the way COINr builds them (denominate,
// impute, treat outliers, normalise, aggregate) are the business of the
// package [github.com/chiso-vn/chiso/indicator/composite/pipeline], which
// reports its rank sensitivity with the same [Spread].
package composite
