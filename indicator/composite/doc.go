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
// predecessors, and [Scorecard.Sensitivity] shows how robust each rank is.
//
// Indices built from raw data, as the EU Joint Research Centre's COINr
// builds them, run as a pipeline: a [Framework] (COINr's iMeta) and [Data]
// (iData) go through [Denominate], [Screen], [Impute], [Treat], [Normalise]
// and [Aggregate] steps ([Run]; [COINrDefault] is COINr's example
// pipeline, whose results the tests reproduce for all 51 countries), and
// [PipelineSensitivity] shows how the ranks depend on the pipeline's
// choices.
package composite
