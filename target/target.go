package target

import (
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
)

// Errors wrapped by this package's functions. All but ErrZeroPlan are the
// module's shared sentinels, so errors.Is works whichever package reported
// them: a target given twice with different values is ErrConflict, which
// wraps ErrDuplicate (region.ErrDuplicate is the same error).
var (
	ErrZeroPlan    = errors.New("plan is zero")
	ErrNegative    = region.ErrNegative
	ErrConflict    = region.ErrConflict // a target given twice with different values
	ErrDuplicate   = region.ErrDuplicate
	ErrUnknownUnit = region.ErrUnknownUnit
	ErrShare       = region.ErrShare // a share not in (0%, 100%]
	ErrOverflow    = region.ErrOverflow
	ErrMalformed   = numeral.ErrMalformed
)

// ParseError is a problem at one place of a file read by [ReadCSV] or
// [ReadJSON]: the module's one position error.
type ParseError = region.ParseError

// Value is what a target promises: a count, or a share of a base in percent.
// The zero Value is the count 0, which is not a valid plan.
type Value struct {
	count   int64
	percent decimal.Decimal
	share   bool
}

// Count returns the value of a count target, such as 150000 accounts.
func Count(n int64) Value { return Value{count: n} }

// Share returns the value of a target that is a share of a base, in percent:
// Share(decimal.NewFromInt(100)) for "100% người dân".
func Share(percent decimal.Decimal) Value { return Value{percent: percent, share: true} }

// IsShare reports whether v is a share of a base rather than a count.
func (v Value) IsShare() bool { return v.share }

// Count returns the count of a count target, and 0 for a share.
func (v Value) Count() int64 { return v.count }

// Percent returns the percent of a share target, and zero for a count.
func (v Value) Percent() decimal.Decimal { return v.percent }

// Validate reports whether v can be a plan: a positive count, or a share in
// (0%, 100%].
func (v Value) Validate() error {
	switch {
	case v.share && (v.percent.Sign() <= 0 || v.percent.GreaterThan(decimal.NewFromInt(100))):
		return fmt.Errorf("%w: %s%% is not in (0%%, 100%%]", ErrShare, v.percent)
	case v.share:
		return nil
	case v.count < 0:
		return fmt.Errorf("%w: %d", ErrNegative, v.count)
	case v.count == 0:
		return ErrZeroPlan
	}
	return nil
}

// Resolve returns the count that meets v over a base: the count itself, or
// for a share the smallest count whose share of base is at least the
// percent (60% of 101.378 residents needs 60.827, rounding up): the goal
// to give [Pace] for a share target. The plan itself is share × base
// exactly (60.826,8): roll-ups keep it as a ratio (indicator.SharePlan,
// and indicator's Dataset.RollupWith, which resolves every share target
// against its unit's base).
func (v Value) Resolve(base int64) (int64, error) {
	if err := v.Validate(); err != nil {
		return 0, err
	}
	if !v.share {
		return v.count, nil
	}
	if base <= 0 {
		return 0, fmt.Errorf("target: base %d for a share: %w", base, ErrZeroPlan)
	}
	// Exact: base × percent / 100, rounded up to a whole count with the
	// module's one rounding.
	x := new(big.Rat).Mul(new(big.Rat).SetInt64(base), v.percent.Rat())
	q := numeral.Round(x.Quo(x, big.NewRat(100, 1)), 0, numeral.Up)
	if !q.IsInteger() || q.GreaterThan(decimal.NewFromInt(base)) {
		return 0, fmt.Errorf("target: %s of %d: %w", v, base, ErrOverflow)
	}
	return q.IntPart(), nil
}

// Equal reports whether v and w promise the same: the same count, or the
// same percent however it was written ("60%" and "60,0%").
func (v Value) Equal(w Value) bool {
	return v.share == w.share && v.count == w.count && v.percent.Equal(w.percent)
}

// String returns "150000" for a count and "60%" for a share.
func (v Value) String() string {
	if v.share {
		return numeral.FormatDecimal(v.percent, numeral.Vietnamese) + "%"
	}
	return fmt.Sprint(v.count)
}

// Target is one plan.
type Target struct {
	Indicator string      // an indicator id, as in the indicator package's catalogue
	Unit      region.Code // the unit the plan is for
	Value     Value
	Due       time.Time // the deadline; the zero Time when none is stated
	Source    string    // where the plan was published
}
