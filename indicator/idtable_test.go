package indicator

import (
	"fmt"
	"testing"
)

// TestIDTableSpread: ids that share a long prefix, and ids that differ
// only past their eighth byte, are found in about one probe, and near
// misses are not found.
func TestIDTableSpread(t *testing.T) {
	for _, format := range []string{"platform_%04d", "dich_vu_cong_%d", "%d_indicator", "x%07d", "%d"} {
		cat := new(Catalogue)
		for i := range 1000 {
			if err := cat.Add(Indicator{ID: fmt.Sprintf(format, i), Name: "x"}); err != nil {
				t.Fatal(err)
			}
		}
		tab := newIDTable(cat)
		probes := 0
		for k, ind := range cat.list {
			b := []byte(ind.ID)
			got, ok := tab.lookup(b)
			if !ok || got != k {
				t.Fatalf("%s: lookup = %d, %v; want %d", ind.ID, got, ok, k)
			}
			for h := tab.hash(b, headOf(b)); tab.slots[h].id != ind.ID; h = (h + 1) & (len(tab.slots) - 1) {
				probes++
			}
			for _, miss := range []string{ind.ID + "\x00", "\x00" + ind.ID, ind.ID[:len(ind.ID)-1] + "\x00", ind.ID + "x"} {
				if k, ok := tab.lookup([]byte(miss)); ok && cat.list[k].ID != miss {
					t.Errorf("%q found as %q", miss, cat.list[k].ID)
				}
			}
		}
		if mean := float64(probes) / 1000; mean > 1 {
			t.Errorf("%s: %.2f extra probes a lookup", format, mean)
		}
	}
}
