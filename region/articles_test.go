package region_test

import (
	"testing"

	"github.com/chiso-vn/chiso/internal/seeds"
	"github.com/chiso-vn/chiso/region"
)

// TestArticleUnits checks that every unit the founding articles name is in
// Vietnam2024 under its official code, and found by the name as printed.
func TestArticleUnits(t *testing.T) {
	rows, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	h := region.Vietnam2024()
	for _, r := range rows {
		code, err := region.ParseCode(r.RegionCode)
		if err != nil {
			t.Errorf("articles.csv:%d: %v", r.Line, err)
			continue
		}
		u, ok := h.Unit(code)
		if !ok || u.Name != r.Region {
			t.Errorf("articles.csv:%d: %s is %v, row says %q", r.Line, code, u, r.Region)
		}
		if r.Kind != "unit" {
			continue
		}
		found := false
		for _, m := range h.Find(r.Fragment) {
			found = found || m.Code == code
		}
		if !found {
			t.Errorf("articles.csv:%d: Find(%q) = %v, want %s", r.Line, r.Fragment, h.Find(r.Fragment), code)
		}
	}
}
