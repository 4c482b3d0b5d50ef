package csvin

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestColumns(t *testing.T) {
	names := [][]string{{"unit", "ma xa"}, {"value", "thuc hien"}, {"due"}}
	col, dups := Columns([]string{"Mã xã", "x", "value", "MA XA"}, func(s string) string {
		return strings.NewReplacer("ã", "a").Replace(strings.ToLower(s))
	}, names)
	if diff := cmp.Diff([]int{0, 2, -1}, col); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Dup{{Cell: 3, First: 0, Name: "ma xa"}}, dups); diff != "" {
		t.Errorf("duplicates (-want +got):\n%s", diff)
	}
}
