package main

import (
	"fmt"
	"regexp"

	"github.com/chiso-vn/chiso/figure"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/shopspring/decimal"
)

// runParse prints each printed figure with the interval it allows.
func runParse(e *env, args []string) error {
	fs, lang := flags(e)
	pos, err := parse(e, fs, lang, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("no figure")
	}
	malformed := 0
	for _, s := range pos {
		f, err := figure.Parse(s)
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			malformed++
			continue
		}
		switch f.Kind {
		case figure.Date:
			fmt.Fprintf(e.stdout, "%s\t%s\n", f.Text, dateText(f, e.lang))
		case figure.Fraction:
			approx := figure.Interval{Lo: f.Value, Hi: f.Value}.Text(e.lang)
			fmt.Fprintf(e.stdout, "%s\t%d/%d %s\n", f.Text, f.Num, f.Den, approx)
		case figure.Percent:
			fmt.Fprintf(e.stdout, "%s\t%s%%\n", f.Text, f.Range.Text(e.lang))
		default:
			fmt.Fprintf(e.stdout, "%s\t%s\n", f.Text, f.Range.Text(e.lang))
		}
	}
	if malformed > 0 {
		return fmt.Errorf("%d of %d figures are malformed", malformed, len(pos))
	}
	return nil
}

func dateText(f figure.Figure, lang numeral.Language) string {
	if f.Year == 0 {
		return fmt.Sprintf(numeral.Words{Vi: "ngày %d tháng %d", En: "day %d of month %d"}.In(lang), f.Day, f.Month)
	}
	return fmt.Sprintf(numeral.Words{Vi: "ngày %d tháng %d năm %d", En: "day %d of month %d of %d"}.In(lang), f.Day, f.Month, f.Year)
}

// plainDecimal is a number as programs write it: digits with an optional
// point and sign, no grouping and no exponent.
var plainDecimal = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// runFormat writes plain decimals the Vietnamese (or English) way.
func runFormat(e *env, args []string) error {
	fs, lang := flags(e)
	pos, err := parse(e, fs, lang, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("no number")
	}
	for _, s := range pos {
		if !plainDecimal.MatchString(s) {
			return usagef("%q is not a plain decimal such as 60827 or -1234.05", s)
		}
		d, err := decimal.NewFromString(s)
		if err != nil {
			return usagef("%q: %v", s, err)
		}
		fmt.Fprintln(e.stdout, numeral.FormatDecimal(d, e.lang))
	}
	return nil
}
