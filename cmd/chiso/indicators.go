package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/report"
)

// runIndicators lists the catalogue's indicators: the ids and names a
// workbook's columns and a data file's indicator field may use.
func runIndicators(e *env, args []string) error {
	fs, lang := flags(e)
	format := fs.String("format", "tsv", "tsv, csv or md")
	pos, err := parse(e, fs, lang, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("no arguments")
	}
	head := []numeral.Words{{Vi: "mã", En: "id"}, {Vi: "tên", En: "name"}, {Vi: "đơn vị tính", En: "unit"}, {Vi: "trụ cột", En: "pillar"}}
	rows := [][]string{make([]string, len(head))}
	for i, h := range head {
		rows[0][i] = h.In(e.lang)
	}
	for _, ind := range indicator.Standard().All() {
		pillar := ind.Pillar.String()
		if e.lang == numeral.English {
			b, _ := ind.Pillar.MarshalText()
			pillar = string(b)
		}
		rows = append(rows, []string{ind.ID, ind.Name, ind.Unit, pillar})
	}
	var buf bytes.Buffer
	switch *format {
	case "tsv":
		for _, r := range rows {
			fmt.Fprintln(&buf, strings.Join(r, "\t"))
		}
	case "csv":
		w := csv.NewWriter(&buf)
		for _, r := range rows {
			w.Write(r)
		}
		w.Flush()
	case "md":
		for i, r := range rows {
			for j := range r {
				r[j] = report.EscapeMarkdown(r[j])
			}
			fmt.Fprintf(&buf, "| %s |\n", strings.Join(r, " | "))
			if i == 0 {
				fmt.Fprintln(&buf, "|---|---|---|---|")
			}
		}
	default:
		return usagef("--format %q: want tsv, csv or md", *format)
	}
	_, err = e.stdout.Write(buf.Bytes())
	return err
}
