package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRollupShares: share plans roll up against bases from --base or from
// the actuals, and print coverage and attainment; a missing base is an
// error naming the unit.
func TestRollupShares(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	obs := "unit,indicator,date,value\n06187,chu_ky_so,2024-06-30,600\n06184,chu_ky_so,2024-06-30,1300\n06619,chu_ky_so,2024-06-30,700\n06622,chu_ky_so,2024-06-30,800\n"
	bases := "06187,dan_so_truong_thanh,2024-01-01,1007\n06184,dan_so_truong_thanh,2024-01-01,2000\n06619,dan_so_truong_thanh,2024-01-01,993\n06622,dan_so_truong_thanh,2024-01-01,1500\n"
	plans := write("plans.csv", "unit,indicator,plan,due\n06187,chu_ky_so,50%,2024-12-31\n06184,chu_ky_so,60%,2024-12-31\n06619,chu_ky_so,\"70,5%\",2024-12-31\n06622,chu_ky_so,50%,2024-12-31\n")
	base := write("danso.csv", "unit,indicator,date,value\n"+bases)
	// Cao Lộc: 1.900 of 3.007 adults (63,2%) against 1.703,5 planned
	// (56,7% of its adults): 111,5%. Đình Lập: 1.500 of 2.493 against
	// 1.450,065: 103,4%. The plans print rounded up: 1.704 and 1.451.
	want := []string{
		"| 1 | huyện Cao Lộc | 1.900 | 1.704 | 112% |",
		"| 1 | huyện Cao Lộc | 1.900 | 3.007 | 63,2% | 56,7% | 111,5% | 1 |",
		"| 2 | huyện Đình Lập | 1.500 | 2.493 | 60,2% | 58,2% | 103,4% | 2 |",
	}
	for _, args := range [][]string{
		{"rollup", "--actuals", write("obs.csv", obs), "--plans", plans, "--base", base, "--level", "huyen"},
		{"rollup", "--actuals", "-", "--plans", plans, "--level", "huyen"}, // bases among the actuals
	} {
		out, errs, code := chiso(t, obs+bases, args...)
		for _, w := range want {
			if code != exitOK || !strings.Contains(out, w) {
				t.Errorf("chiso %q lacks %q (exit %d):\n%s%s", args, w, code, out, errs)
			}
		}
	}
	out, _, _ := chiso(t, "", "rollup", "--lang", "en", "--actuals", write("obs.csv", obs), "--plans", plans, "--base", base, "--level", "tinh")
	if !strings.Contains(out, "| 1 | tỉnh Lạng Sơn | 3,400 | 5,500 | 61.8% | 57.3% | 107.8% | 1 |") {
		t.Errorf("province, in English:\n%s", out)
	}
	_, errs, code := chiso(t, "", "rollup", "--actuals", write("obs.csv", obs), "--plans", plans, "--base", write("few.csv", "unit,indicator,date,value\n"+bases[:strings.LastIndex(bases[:len(bases)-1], "\n")+1]))
	if code == exitOK || !strings.Contains(errs, "06622 (xã Bính Xá): no base dan_so_truong_thanh as of 2024-12-31") {
		t.Errorf("missing base: exit %d\n%s", code, errs)
	}
	// A base observed after the due date is used only with --base-as-of.
	late := write("late.csv", "unit,indicator,date,value\n"+strings.ReplaceAll(bases, "2024-01-01", "2025-01-01"))
	if _, errs, code := chiso(t, "", "rollup", "--actuals", write("obs.csv", obs), "--plans", plans, "--base", late); code == exitOK || !strings.Contains(errs, "first observed on 2025-01-01") {
		t.Errorf("late base: exit %d\n%s", code, errs)
	}
	if out, errs, code := chiso(t, "", "rollup", "--actuals", write("obs.csv", obs), "--plans", plans, "--base", late, "--base-as-of", "2025-01-01", "--level", "huyen"); code != exitOK || !strings.Contains(out, want[1]) {
		t.Errorf("late base with --base-as-of: exit %d\n%s%s", code, out, errs)
	}
	if _, errs, code := chiso(t, "", "rollup", "--actuals", write("obs.csv", obs), "--plans", plans, "--base-as-of", "31-12"); code != exitUsage || !strings.Contains(errs, "--base-as-of") {
		t.Errorf("bad --base-as-of: exit %d\n%s", code, errs)
	}
}
