package composite_test

import (
	"testing"

	"github.com/chiso-vn/chiso/internal/fixture"
	"github.com/chiso-vn/chiso/region"
)

// small is Lạng Sơn with two districts and four communes (fixture.LangSon).
func small(testing.TB) *region.Hierarchy { return fixture.LangSon() }
