package indicator

import (
	"testing"

	"github.com/chiso-vn/chiso/internal/seeds"
)

func TestStandard(t *testing.T) {
	c := Standard()
	if c.Len() != 14 {
		t.Errorf("%d indicators", c.Len())
	}
	for _, id := range []string{"vneid_l2", "chu_ky_so", "bhyt_vneid", "cong_dan_so", "thanh_toan_dt", "tmdt", "tap_huan", "to_cnscd", "thanh_vien_cnscd", "ung_dung_so", "doan_vien_ho_tro"} {
		ind, ok := c.Lookup(id)
		if !ok || ind.Name == "" || ind.Unit == "" || ind.Pillar == NoPillar {
			t.Errorf("%s: %+v", id, ind)
		}
	}
	if DigitalEconomy.String() != "kinh tế số" || Competition.String() != "competition" {
		t.Error("names")
	}
}

// TestArticleIndicators: every indicator the articles' rows name is in the
// standard catalogue.
func TestArticleIndicators(t *testing.T) {
	rows, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := Standard()
	for _, r := range rows {
		if _, ok := c.Lookup(r.Indicator); r.Indicator != "" && !ok {
			t.Errorf("articles.csv:%d: indicator %q is not in Standard()", r.Line, r.Indicator)
		}
	}
}
