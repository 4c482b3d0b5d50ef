package csvin

import (
	"errors"
	"fmt"
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

// TestLongLine: a line past MaxLine is an error, not a line read into
// memory whatever its length; lines up to MaxLine are read.
func TestLongLine(t *testing.T) {
	ok := "a,b\n" + strings.Repeat("x", MaxLine-10) + ",1\n"
	cr := NewReader(strings.NewReader(ok), ',')
	if _, err := cr.ReadAll(); err != nil {
		t.Fatalf("a line within the limit: %v", err)
	}
	long := "a,b\n" + strings.Repeat("x", 3*MaxLine) + ",1\n"
	cr = NewReader(strings.NewReader(long), ',')
	if _, err := Header(cr); err != nil {
		t.Fatal(err)
	}
	var got []string
	for range Records(cr, errors.New("malformed"), func(line, column int, err error) {
		got = append(got, fmt.Sprint(line, column, errors.Is(err, ErrLongLine)))
	}) {
		t.Fatal("a record of a line past the limit")
	}
	if len(got) != 1 || got[0] != "2 0 true" {
		t.Errorf("a line of %d bytes: %v", 3*MaxLine, got)
	}
}
