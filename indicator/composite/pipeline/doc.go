// Package pipeline builds composite indices from raw data as the EU Joint
// Research Centre's COINr builds them: a [Framework] (COINr's iMeta table)
// and [Data] (iData) go through [Denominate], [Screen], [Impute], [Treat],
// [Normalise] and [Aggregate] steps, composed by the caller and applied in
// order by [Run].
//
// Where the DTI scorecard of package composite adds points to criteria
// fixed in advance, a pipeline derives every score from the data itself,
// so its choices (how to impute, treat outliers, normalise, weigh) are
// values a caller can vary: [Sensitivity] shows how far the ranks depend
// on them. The arithmetic is exact wherever the method allows, and units
// are plain codes and names, ranked on exact values whatever their number;
// [COINrDefault] is COINr's example pipeline, whose results the tests reproduce for all 51
// countries of its ASEM example.
package pipeline
