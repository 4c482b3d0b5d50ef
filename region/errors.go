package region

import (
	"errors"

	"github.com/chiso-vn/chiso/internal/errlist"
)

// ParseError is a problem at one place of a file: the module's one error
// type for positions, which every reader of chiso returns (target.ParseError
// and indicator.ParseError are this type too).
type ParseError = errlist.ParseError

// MaxErrors is how many problems every reader of chiso reports before it
// counts the rest in a last error ("and 12 more problems").
const MaxErrors = errlist.Max

// ErrUnknownUnit is wrapped when a code or name is no unit of the hierarchy.
var ErrUnknownUnit = errors.New("unknown unit")

// The module's shared sentinels that region's readers return, re-exported:
// errors.Is(err, region.ErrMalformed) and errors.Is(err,
// numeral.ErrMalformed) agree. ErrConflict wraps ErrDuplicate.
var (
	ErrMalformed = errlist.ErrMalformed
	ErrNegative  = errlist.ErrNegative
	ErrOverflow  = errlist.ErrOverflow
	ErrConflict  = errlist.ErrConflict
	ErrShare     = errlist.ErrShare
	ErrDuplicate = errlist.ErrDuplicate
)
