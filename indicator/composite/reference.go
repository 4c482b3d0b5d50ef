package composite

import (
	"embed"
	"fmt"

	"github.com/chiso-vn/chiso/indicator"
)

// The reference criteria sets shipped with chiso, by id. Each cites its
// source in its Source and Note fields.
const (
	// DTI2022Province is the provincial DTI of 922/QĐ-BTTTT (2022): 9 main
	// indicators, 1000 points, each main indicator's points read as reported.
	DTI2022Province = "dti-tinh-922-2022"
	// DTI2025Province is the provincial DTI of 405/QĐ-BKHCN (3/4/2025) as far
	// as it can be established: its 8 main indicators, with 922's points.
	DTI2025Province = "dti-tinh-405-2025"
	// DTI2025National is the national DTI of 405/QĐ-BKHCN at pillar level:
	// chính phủ số 400, kinh tế số 300, xã hội số 300.
	DTI2025National = "dti-quocgia-405-2025"
	// Commune2025 is a worked example of a commune-level set for 2025 that
	// includes the share of adult residents with a digital signature and with
	// a level-2 electronic identity, read from a Dataset.
	Commune2025 = "xa-2025-vidu"
)

//go:embed criteria/*.json
var referenceFS embed.FS

// Reference returns a reference set, validated against the standard
// catalogue ([indicator.Standard]).
func Reference(id string) (*Criteria, error) {
	b, err := referenceFS.ReadFile("criteria/" + id + ".json")
	if err != nil {
		return nil, fmt.Errorf("composite: %w: no reference set %q", ErrCriteria, id)
	}
	return Parse(b, indicator.Standard())
}
