package report

import (
	"math/big"
	"strconv"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/indicator/composite"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
)

// Row is what report shows of one unit in a table or a chart: its rank,
// the unit, its actual and plan when it has them, and the value shown,
// exact. [RollupRows] and [ScoreRows] make rows from a roll-up and from a
// scorecard, so that tables and charts have one way to write a value.
type Row struct {
	Rank      int // 0 when unranked
	Unit      region.Unit
	Actual    int64
	Plan      int64
	HasActual bool
	HasPlan   bool
	Value     *big.Rat  // the value shown; nil when the unit has none
	Scale     ValueKind // how Value is written
}

// ValueKind says how a row's value is written for people.
type ValueKind uint8

// The kinds of value.
const (
	Attainment ValueKind = iota // a ratio written as a whole percent, half up: 256620/150000 is "171%"
	Index                       // a composite index from 0 to 1 with 4 decimals, half up: 67/80 is "0,8375"
)

// RollupRows returns the rows of a roll-up (usually Result.Ranked), its
// attainment as the value.
func RollupRows(rows []indicator.Row) []Row {
	out := make([]Row, len(rows))
	for i, r := range rows {
		out[i] = rollupRow(r)
	}
	return out
}

func rollupRow(r indicator.Row) Row {
	row := Row{Rank: r.Rank, Unit: r.Unit, Actual: r.Actual, Plan: r.Plan, HasActual: r.HasActual, HasPlan: r.HasPlan}
	if r.Attainment.IsValid() {
		row.Value = big.NewRat(r.Attainment.Num(), r.Attainment.Den())
	}
	return row
}

// ScoreRows returns the rows of scores (usually Scorecard.Ranking), the
// index as the value; they have no actual or plan.
func ScoreRows(scores []composite.UnitScore) []Row {
	out := make([]Row, len(scores))
	for i, s := range scores {
		out[i] = Row{Rank: s.Rank, Unit: s.Unit, Value: s.Index, Scale: Index}
	}
	return out
}

// Text writes the row's value in lang: "171%" or "0,8375"; "-" when
// there is none.
func (r Row) Text(lang numeral.Language) string {
	switch {
	case r.Value == nil:
		return "-"
	case r.Scale == Index:
		return numeral.Localize(indicator.Round(r.Value, 4, indicator.HalfUp).StringFixed(4), lang)
	}
	return numeral.Localize(indicator.Round(new(big.Rat).Mul(r.Value, hundred), 0, indicator.HalfUp).String(), lang) + "%"
}

// cells writes a row as the five columns of an attainment table.
func (r Row) cells(lang numeral.Language) [5]string {
	rank, actual, plan := "", "-", "-"
	if r.Rank > 0 {
		rank = strconv.Itoa(r.Rank)
	}
	if r.HasActual {
		actual = numeral.Localize(strconv.FormatInt(r.Actual, 10), lang)
	}
	if r.HasPlan {
		plan = numeral.Localize(strconv.FormatInt(r.Plan, 10), lang)
	}
	return [5]string{rank, r.Unit.FullName(), actual, plan, r.Text(lang)}
}

var hundred = big.NewRat(100, 1)
