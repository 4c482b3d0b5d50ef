package report

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/internal/golden"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
)

func sampleRows() []indicator.Row {
	u := func(code, name string, kind region.Kind) region.Unit {
		return region.Unit{Code: region.MustParseCode(code), Name: name, Kind: kind}
	}
	return []indicator.Row{
		{Indicator: "thanh_toan_dt", Unit: u("06619", "Bắc Xa", region.KindCommune), Actual: 2120, Plan: 700, HasActual: true, HasPlan: true, Attainment: indicator.MustRatio(2120, 700), Rank: 1},
		{Indicator: "thanh_toan_dt", Unit: u("06187", "Cao Lộc", region.KindTown), Actual: 600, Plan: 500, HasActual: true, HasPlan: true, Attainment: indicator.MustRatio(600, 500), Rank: 2},
		{Indicator: "thanh_toan_dt", Unit: u("06184", "Đồng Đăng", region.KindTown), Plan: 500, HasPlan: true},
	}
}

// TestHostileText: a unit's name never becomes a formula in CSV nor
// markup or a new cell in Markdown.
func TestHostileText(t *testing.T) {
	rows := sampleRows()[:1]
	rows[0].Unit.Name = "=HYPERLINK(\"http://x\")|<script>alert(1)</script>"
	var md, cs bytes.Buffer
	tab := Table{Title: "a|b", Rows: rows}
	tab.WriteMarkdown(&md)
	tab.WriteCSV(&cs)
	if strings.Contains(md.String(), "<script>") || strings.Count(md.String(), " | ") != 8 || !strings.Contains(md.String(), `a\|b`) {
		t.Errorf("Markdown:\n%s", md.String())
	}
	rows[0].Unit.Kind, rows[0].Unit.Name = region.KindNone, "=1+1"
	cs.Reset()
	Table{Rows: rows}.WriteCSV(&cs)
	if !strings.Contains(cs.String(), ",'=1+1,") {
		t.Errorf("CSV:\n%s", cs.String())
	}
	for in, want := range map[string]string{"=1": "'=1", "+1": "'+1", "-1": "'-1", "@SUM(A1)": "'@SUM(A1)", "\t=1": "'\t=1", "Bắc Xa": "Bắc Xa", "": ""} {
		if got := CSVSafe(in); got != want {
			t.Errorf("CSVSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTables(t *testing.T) {
	tab := Table{Title: "Thanh toán điện tử", Rows: sampleRows()}
	var md, cs, js, ht bytes.Buffer
	if err := tab.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	wantMD := "### Thanh toán điện tử\n\n| Hạng | Đơn vị | Thực hiện | Kế hoạch | Tỷ lệ đạt |\n|---:|---|---:|---:|---:|\n" +
		"| 1 | xã Bắc Xa | 2.120 | 700 | 303% |\n| 2 | thị trấn Cao Lộc | 600 | 500 | 120% |\n|  | thị trấn Đồng Đăng | - | 500 | - |\n"
	if md.String() != wantMD {
		t.Errorf("Markdown:\n%s\nwant:\n%s", md.String(), wantMD)
	}
	tab.Language = numeral.English
	tab.WriteCSV(&cs)
	if want := "Rank,Code,Unit,Actual,Plan,Attainment (%),Attainment (exact)\n1,06619,xã Bắc Xa,2120,700,302.86,2120/700\n"; !strings.HasPrefix(cs.String(), want) {
		t.Errorf("CSV:\n%s", cs.String())
	}
	var vi bytes.Buffer
	Table{Rows: sampleRows()}.WriteCSV(&vi)
	if want := "Hạng,Mã,Đơn vị,Thực hiện,Kế hoạch,Tỷ lệ đạt (%),Tỷ lệ đạt (chính xác)\n1,06619,xã Bắc Xa,2120,700,\"302,86\",2120/700\n"; !strings.HasPrefix(vi.String(), want) {
		t.Errorf("CSV in Vietnamese:\n%s", vi.String())
	}
	tab.WriteJSON(&js)
	if !strings.Contains(js.String(), `"attainment": "3.0285714286",
    "attainment_exact": "2120/700"`) || !strings.Contains(js.String(), `"attainment": "1.2",
    "percent"`) || !strings.Contains(js.String(), `"actual": null`) {
		t.Errorf("JSON:\n%s", js.String())
	}
	tab.WriteHTML(&ht)
	if !strings.Contains(ht.String(), `<html lang="en">`) || !strings.Contains(ht.String(), "<td>xã Bắc Xa</td>") {
		t.Errorf("HTML:\n%s", ht.String())
	}
}

func TestSentence(t *testing.T) {
	ind, _ := indicator.Standard().Lookup("thanh_toan_dt")
	row := indicator.Row{Actual: 256620, Plan: 150000, HasActual: true, HasPlan: true, Attainment: indicator.MustRatio(256620, 150000)}
	if got, want := Sentence(ind, row), "ứng dụng thanh toán điện tử 256.620 tài khoản, đạt 171% kế hoạch"; got != want {
		t.Errorf("Sentence = %q, want %q", got, want)
	}
	if got := Sentence(ind, indicator.Row{}); got != "ứng dụng thanh toán điện tử: chưa có số liệu" {
		t.Errorf("Sentence without data = %q", got)
	}
}

func TestSVG(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSVG(&b, "Tỷ lệ đạt <kế hoạch>", sampleRows()); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("SVG is not valid XML: %v", err)
			}
			break
		}
	}
	golden.Check(t, "testdata/chart.svg", []byte(s))
	var html bytes.Buffer
	Table{Title: "Thanh toán điện tử", Rows: sampleRows()}.WriteHTML(&html)
	golden.Check(t, "testdata/table.html", html.Bytes())
	for _, want := range []string{"xã Bắc Xa", "303%", `stroke-dasharray="4 3"`, "100%", "&lt;kế hoạch&gt;"} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

// TestTableEnglish: an English table writes English numbers.
func TestTableEnglish(t *testing.T) {
	row := indicator.Row{Actual: 4431, Plan: 3000, HasActual: true, HasPlan: true, Attainment: indicator.MustRatio(4431, 3000), Rank: 1}
	row.Unit = region.Unit{Code: region.MustParseCode("06619"), Name: "Bắc Xa", Kind: region.KindCommune}
	var b strings.Builder
	if err := (Table{Rows: []indicator.Row{row}, Language: numeral.English}).WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "| 1 | xã Bắc Xa | 4,431 | 3,000 | 148% |") {
		t.Errorf("English table:\n%s", b.String())
	}
}

// TestCarriedTable: carried figures print exact where they are and as
// outward-rounded ranges where a unit was split.
func TestCarriedTable(t *testing.T) {
	u := region.Unit{Code: region.MustParseCode("26734"), Name: "Cầu Kiệu", Kind: region.KindWard}
	rows := []indicator.Carried{
		{Unit: u, Actual: region.Bounds{Low: 600, High: 1600}, Plan: region.Bounds{Low: 1000, High: 1000}, HasActual: true, HasPlan: true},
		{Unit: u, Actual: region.Bounds{Low: 3320, High: 3320}, Plan: region.Bounds{Low: 2200, High: 2200}, HasActual: true, HasPlan: true},
		{Unit: u, Actual: region.Bounds{Low: 5, High: 5}, Plan: region.Bounds{Low: 0, High: 10}, HasActual: true, HasPlan: true},
		{Unit: u, Actual: region.Bounds{Low: 5, High: 5}, HasActual: true},
	}
	var b strings.Builder
	if err := (CarriedTable{Rows: rows, Language: numeral.English}).WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| 600–1,600 | 1,000 | 60%–160% |", "| 3,320 | 2,200 | 151% |", "| 5 | 0–10 | ≥ 50% |", "| 5 | - | - |"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("lacks %q:\n%s", want, b.String())
		}
	}
}

// FuzzEscapeMarkdown: an escaped cell has no line break, no raw markup and
// no "|" that would end it.
func FuzzEscapeMarkdown(f *testing.F) {
	f.Add("a|b<script>\r\n&x")
	f.Add(`\|`)
	f.Fuzz(func(t *testing.T, s string) {
		e := EscapeMarkdown(s)
		if strings.ContainsAny(e, "<>\r\n") {
			t.Fatalf("%q: %q", s, e)
		}
		for i := 0; i < len(e); i++ {
			if e[i] == '|' && (i == 0 || e[i-1] != '\\') {
				t.Fatalf("%q: unescaped | in %q", s, e)
			}
		}
	})
}
