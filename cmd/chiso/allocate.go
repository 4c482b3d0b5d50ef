package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/internal/csvin"
	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/report"
	"github.com/chiso-vn/chiso/target"
)

// runAllocate splits a total by the weights of a CSV file (unit,weight: a
// code or any label, and a whole weight such as households), largest
// remainder first, and writes unit,weight,share as CSV.
func runAllocate(e *env, args []string) error {
	fs, lang := flags(e)
	total := fs.Int64("total", -1, "the target to split, a whole count")
	weights := fs.String("weights", "", "CSV with the header unit,weight (\"-\" for stdin)")
	sep := fs.String("sep", ",", "the weights file's field separator: , or ;")
	pos, err := parse(e, fs, lang, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *weights == "" || *total < 0 {
		return usagef("want --total N (N ≥ 0) and --weights FILE")
	}
	opt, err := csvOptions(*sep, false)
	if err != nil {
		return err
	}
	in, err := e.open(*weights)
	if err != nil {
		return err
	}
	defer in.Close()
	units, ws, err := readWeights(in, *weights, opt)
	if err != nil {
		return err
	}
	parts, err := target.Allocate(*total, ws)
	if err != nil {
		return err
	}
	w := csv.NewWriter(e.stdout)
	w.Write([]string{"unit", "weight", "share"})
	for i, u := range units {
		w.Write([]string{report.CSVSafe(u), strconv.FormatInt(ws[i], 10), strconv.FormatInt(parts[i], 10)})
	}
	w.Flush()
	return w.Error()
}

// csvOptions reads the --sep and --spreadsheet flags.
func csvOptions(sep string, spreadsheet bool) (indicator.CSVOptions, error) {
	switch sep {
	case ",":
		return indicator.CSVOptions{Spreadsheet: spreadsheet}, nil
	case ";":
		return indicator.CSVOptions{Comma: ';', Spreadsheet: spreadsheet}, nil
	}
	return indicator.CSVOptions{}, usagef("--sep %q: want , or ;", sep)
}

// readWeights reads unit,weight rows; weights are whole numbers, with "."
// grouping thousands allowed.
func readWeights(in io.Reader, name string, opt indicator.CSVOptions) ([]string, []int64, error) {
	comma, err := opt.Separator()
	if err != nil {
		return nil, nil, err
	}
	cr := csvin.NewReader(in, rune(comma))
	header, err := csvin.Header(cr)
	if err != nil || len(header) != 2 {
		return nil, nil, &region.ParseError{File: name, Line: 1, Err: fmt.Errorf("%w: want the header unit,weight", region.ErrMissingColumn)}
	}
	var units []string
	var ws []int64
	var errs errlist.List
	bad := errs.At(name)
	for line, r := range csvin.Records(cr, region.ErrMalformed, bad) {
		n, err := numeral.ParseCount(r[1], true)
		if err != nil {
			_, col := cr.FieldPos(1)
			bad(line, col, fmt.Errorf("weight: %w: want a whole number", err))
			continue
		}
		units, ws = append(units, r[0]), append(ws, n)
	}
	if err := errs.Err(); err != nil {
		return nil, nil, err
	}
	if len(units) == 0 {
		return nil, nil, &region.ParseError{File: name, Err: fmt.Errorf("%w: no weights", region.ErrMalformed)}
	}
	return units, ws, nil
}
