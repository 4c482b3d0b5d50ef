// Package target holds plans: what was promised, for which unit, by when.
//
// A [Target] is a count ("150.000 tài khoản") or a share of a base ("100%
// người dân") for one indicator and one unit, due by a date. [Allocate]
// splits a parent's target among its children by weights so that the
// integer parts always sum exactly to the whole, and [Pace] says whether the
// latest actual, at the rate so far, will meet a target by its deadline.
// A share target's goal for Pace is the least count that meets it
// ([Value.Resolve]); the indicator package resolves share targets against
// each unit's base, exactly, and rolls them up.
package target
