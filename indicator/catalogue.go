package indicator

import (
	"errors"
	"fmt"
	"slices"
)

// Pillar is one of the three pillars of Vietnam's digital transformation.
type Pillar uint8

// The pillars. The zero Pillar is none.
const (
	NoPillar       Pillar = iota
	DigitalGov            // chính quyền số
	DigitalEconomy        // kinh tế số
	DigitalSociety        // xã hội số
)

var pillarNames = [...]string{"", "chính quyền số", "kinh tế số", "xã hội số"}

// String returns the Vietnamese name of the pillar.
func (p Pillar) String() string {
	if int(p) < len(pillarNames) {
		return pillarNames[p]
	}
	return fmt.Sprintf("Pillar(%d)", p)
}

// MarshalText implements encoding.TextMarshaler with the Vietnamese name;
// NoPillar marshals as "".
func (p Pillar) MarshalText() ([]byte, error) {
	if int(p) >= len(pillarNames) {
		return nil, fmt.Errorf("indicator: cannot marshal %v", p)
	}
	return []byte(pillarNames[p]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler for the Vietnamese names
// and the English ones ("government", "economy", "society"); "" is NoPillar.
func (p *Pillar) UnmarshalText(b []byte) error {
	s := string(b)
	for i, n := range pillarNames {
		if s == n || s == pillarEnglish[i] {
			*p = Pillar(i)
			return nil
		}
	}
	return fmt.Errorf("indicator: unknown pillar %q", s)
}

var pillarEnglish = [...]string{"", "government", "economy", "society"}

// Measure says how observations of an indicator add up over time.
type Measure uint8

// The measures.
const (
	// Stock is a cumulative count as of a date (accounts installed so far);
	// the value as of a date is the latest observation on or before it.
	Stock Measure = iota
	// Flow is a count per day (new accounts that day); the value as of a
	// date is the sum of the observations on or before it.
	Flow
)

// Indicator describes one thing that is counted.
type Indicator struct {
	ID      string // short, stable, ASCII: "thanh_toan_dt"
	Name    string // Vietnamese, as the press writes it
	Unit    string // what one count is: "tài khoản", "chữ ký số", "lượt người"
	Pillar  Pillar
	Measure Measure
	// Base is the id of the indicator that counts what this one is a share
	// of, "" for none: chữ ký số and VNeID over "dan_so_truong_thanh"
	// (adults, 18+), payment accounts over "dan_so_15_tuoi" (people 15+),
	// household indicators over "ho_gia_dinh". A share target ("50%") of the
	// indicator resolves against the unit's base, and roll-ups show the
	// coverage actual / base (see [Dataset.RollupWith]). The base is looked
	// up where bases are read, so it may be added to a catalogue after the
	// indicators that name it.
	Base string
}

// Catalogue is a set of indicators with unique ids. The zero Catalogue is
// empty and ready to use; it is not safe for concurrent modification.
type Catalogue struct {
	list []Indicator
	byID map[string]int
}

// ErrDuplicateIndicator is returned by [Catalogue.Add] for an id it has.
var ErrDuplicateIndicator = errors.New("indicator id given twice")

// ErrUnknownIndicator is wrapped when an observation or plan names an
// indicator that the catalogue lacks.
var ErrUnknownIndicator = errors.New("unknown indicator")

// Add adds ind; an empty or repeated id is an error, and so is an
// indicator that is its own base.
func (c *Catalogue) Add(ind Indicator) error {
	if ind.ID == "" {
		return fmt.Errorf("indicator: empty id for %q", ind.Name)
	}
	if ind.Base == ind.ID {
		return fmt.Errorf("indicator: %q is its own base", ind.ID)
	}
	if _, ok := c.byID[ind.ID]; ok {
		return fmt.Errorf("indicator: %w: %q", ErrDuplicateIndicator, ind.ID)
	}
	if c.byID == nil {
		c.byID = map[string]int{}
	}
	c.byID[ind.ID] = len(c.list)
	c.list = append(c.list, ind)
	return nil
}

// Lookup returns the indicator with id.
func (c *Catalogue) Lookup(id string) (Indicator, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Indicator{}, false
	}
	return c.list[i], true
}

// index returns the position of id in the catalogue.
func (c *Catalogue) index(id string) (int, bool) {
	i, ok := c.byID[id]
	return i, ok
}

// lastIndex remembers the last id indexAfter looked up.
type lastIndex struct {
	id string
	k  int
	ok bool
}

// indexAfter is index for ids that come in runs, as a target set's do: an
// id equal to the last is not looked up again.
func (c *Catalogue) indexAfter(id string, last *lastIndex) (int, bool) {
	if !last.ok || id != last.id {
		k, ok := c.index(id)
		if !ok {
			return k, false
		}
		*last = lastIndex{id, k, true}
	}
	return last.k, true
}

// Clone returns a copy of the catalogue, which the original's later
// additions do not change; the zero or nil Catalogue clones to an empty one.
func (c *Catalogue) Clone() *Catalogue {
	if c == nil {
		return &Catalogue{byID: map[string]int{}}
	}
	out := &Catalogue{list: slices.Clone(c.list), byID: make(map[string]int, len(c.byID))}
	for k, v := range c.byID {
		out.byID[k] = v
	}
	return out
}

// All returns the indicators in the order they were added.
func (c *Catalogue) All() []Indicator { return slices.Clone(c.list) }

// BaseOf returns the base of the indicator id (see [Indicator.Base]) as
// the catalogue holds it, and false when id names no base or the
// catalogue lacks either.
func (c *Catalogue) BaseOf(id string) (Indicator, bool) {
	ind, ok := c.Lookup(id)
	if !ok || ind.Base == "" {
		return Indicator{}, false
	}
	return c.Lookup(ind.Base)
}

// Len returns the number of indicators.
func (c *Catalogue) Len() int { return len(c.list) }

// Standard returns a new catalogue of the platforms and activities that the
// founding articles count. Callers may Add their own to it.
func Standard() *Catalogue {
	c := new(Catalogue)
	const (
		adults = "dan_so_truong_thanh"
		over15 = "dan_so_15_tuoi"
	)
	for _, ind := range []Indicator{
		{"vneid_l2", "tài khoản định danh điện tử VNeID mức 2", "tài khoản", DigitalGov, Stock, adults},
		{"chu_ky_so", "chữ ký số công cộng", "chữ ký số", DigitalGov, Stock, adults},
		{"bhyt_vneid", "thẻ bảo hiểm y tế tích hợp trên VNeID", "thẻ", DigitalGov, Stock, ""},
		{"cong_dan_so", "ứng dụng Công dân số của tỉnh", "tài khoản", DigitalGov, Stock, ""},
		{"thanh_toan_dt", "ứng dụng thanh toán điện tử", "tài khoản", DigitalEconomy, Stock, over15},
		{"tmdt", "tài khoản mua trên sàn thương mại điện tử", "tài khoản", DigitalEconomy, Stock, ""},
		{"ung_dung_so", "tài khoản, ứng dụng số", "tài khoản", DigitalSociety, Stock, ""},
		{"tap_huan", "người được tập huấn kỹ năng số", "lượt người", DigitalSociety, Stock, ""},
		{"to_cnscd", "tổ công nghệ số cộng đồng", "tổ", DigitalSociety, Stock, ""},
		{"thanh_vien_cnscd", "thành viên tổ công nghệ số cộng đồng", "thành viên", DigitalSociety, Stock, ""},
		{"doan_vien_ho_tro", "đoàn viên hỗ trợ người dân", "đoàn viên", DigitalSociety, Stock, ""},
		// Bases rather than platforms: the denominators of coverage shares
		// (411/QĐ-TTg counts adults with a digital signature and people
		// aged 15 and over with a payment account).
		{adults, "người dân từ 18 tuổi trở lên", "người", NoPillar, Stock, ""},
		{over15, "người dân từ 15 tuổi trở lên", "người", NoPillar, Stock, ""},
		{"ho_gia_dinh", "hộ gia đình", "hộ", NoPillar, Stock, ""},
	} {
		if err := c.Add(ind); err != nil {
			panic(err) // the list above has unique ids; a test checks it
		}
	}
	return c
}
