package sheet

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/region"
)

// nationalBook is every commune of the 2024 list with 8 platforms, in the
// wide layout: 10.047 rows and 80.376 counts.
func nationalBook(b *testing.B) []byte {
	h := region.Vietnam2024()
	ids := []string{"vneid_l2", "chu_ky_so", "cong_dan_so", "thanh_toan_dt", "tmdt", "ung_dung_so", "tap_huan", "to_cnscd"}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	head := []any{"Mã xã", "Tên đơn vị"}
	for _, id := range ids {
		head = append(head, id)
	}
	if err := sw.SetRow("A1", head); err != nil {
		b.Fatal(err)
	}
	row := 2
	for _, i := range h.Level(region.LevelCommune) {
		u := h.At(int(i))
		cells := []any{u.Code.String(), u.FullName()}
		for k := range ids {
			cells = append(cells, (int(i)*7+k*13)%5000)
		}
		if err := sw.SetRow("A"+strconv.Itoa(row), cells); err != nil {
			b.Fatal(err)
		}
		row++
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkReadNational reads 10.047 communes × 8 platforms (aim: 1 s).
func BenchmarkReadNational(b *testing.B) {
	data := nationalBook(b)
	opt := Options{Hierarchy: region.Vietnam2024(), Catalogue: indicator.Standard(), Date: day(2024, 6, 30)}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d, err := Read(bytes.NewReader(data), "national.xlsx", opt)
		if err != nil || len(d.Observations) != 10047*8 {
			b.Fatal(err)
		}
	}
}
