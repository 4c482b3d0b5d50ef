package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strings"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/sheet"
)

// writeError writes err for a person, one problem a line: the place in
// the person's language (file, sheet and cell, or file:line:column), the
// problem in it where the error can say it (sheet.NameError and the
// limits), the library's English otherwise, and the flag that fixes it.
func writeError(w io.Writer, prefix string, err error, lang numeral.Language) {
	for _, e := range flatten(err) {
		fmt.Fprintf(w, "%s: %s\n", prefix, describe(e, lang))
		if h := hint(e, lang); h != "" {
			fmt.Fprintf(w, "  %s\n", h)
		}
	}
}

// flatten lists the errors an errors.Join holds, in order.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// texter is an error that says itself in a language.
type texter interface {
	Text(numeral.Language) string
}

// describe writes one error: its place, then its problem.
func describe(err error, lang numeral.Language) string {
	var pe *errlist.ParseError
	if !errors.As(err, &pe) {
		return problem(err, lang)
	}
	var place string
	if lang == numeral.Vietnamese {
		switch {
		case pe.Sheet != "" && pe.Line == 0:
			place = fmt.Sprintf("%s, trang %s", pe.File, pe.Sheet)
		case pe.Sheet != "" && pe.Column == 0:
			place = fmt.Sprintf("%s, trang %s, dòng %d", pe.File, pe.Sheet, pe.Line)
		case pe.Sheet != "":
			place = fmt.Sprintf("%s, trang %s, ô %s%d", pe.File, pe.Sheet, errlist.ColumnName(pe.Column), pe.Line)
		case pe.Line == 0:
			place = pe.File
		case pe.Column == 0:
			place = fmt.Sprintf("%s:%d", pe.File, pe.Line)
		default:
			place = fmt.Sprintf("%s:%d:%d", pe.File, pe.Line, pe.Column)
		}
		return place + ": " + problem(pe.Err, lang)
	}
	return strings.TrimSuffix(pe.Error(), pe.Err.Error()) + problem(pe.Err, lang)
}

// sentinelText says in Vietnamese the sentinels a reader returns as they
// are, without detail.
var sentinelText = map[error]numeral.Words{
	sheet.ErrFormula:   {Vi: "công thức chưa có giá trị lưu sẵn: mở bảng tính bằng phần mềm bảng tính rồi lưu lại để giá trị được lưu"},
	sheet.ErrEncrypted: {Vi: "bảng tính được mã hóa (hoặc là tệp .xls cũ): lưu lại thành .xlsx không đặt mật khẩu"},
	sheet.ErrNotXLSX:   {Vi: "không phải bảng tính XLSX"},
	sheet.ErrNoHeader:  {Vi: "không có dòng tên cột với cột mã hoặc tên đơn vị trong 10 dòng đầu"},
}

// problem says an error without its place.
func problem(err error, lang numeral.Language) string {
	if t, ok := err.(texter); ok {
		return t.Text(lang)
	}
	if w, ok := sentinelText[err]; ok && lang == numeral.Vietnamese {
		return w.Vi
	}
	var le *sheet.LimitError
	if errors.As(err, &le) {
		how := numeral.Words{Vi: "giới hạn của chiso cho bảng tính; tệp thật không vượt", En: "chiso's limit for workbooks, which real ones stay within"}
		if le.Limit == "Bytes" {
			how = numeral.Words{Vi: "tăng bằng chiso --max-bytes N", En: "raise it with chiso --max-bytes N"}
		}
		w := numeral.Words{Vi: "%s: vượt giới hạn %s = %s (%s)", En: "%s: over the limit %s = %s (%s)"}
		return fmt.Sprintf(w.In(lang), le.What, le.Limit, numeral.FormatInt(le.Max, lang), how.In(lang))
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && lang == numeral.Vietnamese && pe.Err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return fmt.Sprintf("%s: không có tệp này", pe.Path)
		case errors.Is(err, fs.ErrPermission):
			return fmt.Sprintf("%s: không có quyền đọc", pe.Path)
		}
	}
	return clean(err.Error())
}

// hint names the flag that fixes err, or "".
func hint(err error, lang numeral.Language) string {
	var w numeral.Words
	switch {
	case errors.Is(err, sheet.ErrNoDate):
		w = numeral.Words{Vi: "gợi ý: cho ngày của số liệu bằng --as-of YYYY-MM-DD, hoặc thêm cột Ngày", En: "hint: give the data's date with --as-of YYYY-MM-DD, or add a Ngày (date) column"}
	case errors.Is(err, sheet.ErrTwoLists):
		w = numeral.Words{Vi: "gợi ý: đọc trên danh sách 2024 (--list 2024) và chuyển sang đơn vị mới bằng --units 2025, hoặc chọn một trang bằng --sheet", En: "hint: read on the 2024 list (--list 2024) and carry onto the new units with --units 2025, or choose one sheet with --sheet"}
	case errors.Is(err, sheet.ErrNoSheet):
		w = numeral.Words{Vi: "gợi ý: chọn trang bằng --sheet TÊN", En: "hint: choose the sheet with --sheet NAME"}
	case errors.Is(err, sheet.ErrName), errors.Is(err, region.ErrUnknownUnit):
		w = numeral.Words{Vi: "gợi ý: mã và tên đọc theo danh sách đơn vị tại ngày của số liệu; chọn danh sách khác bằng --list 2024 hoặc --list 2025", En: "hint: codes and names are read on the list in force on the data's date; choose another with --list 2024 or --list 2025"}
	case errors.Is(err, sheet.ErrColumn), errors.Is(err, indicator.ErrUnknownIndicator):
		w = numeral.Words{Vi: "gợi ý: chiso indicators liệt kê mọi chỉ tiêu", En: "hint: chiso indicators lists every indicator"}
	case errors.Is(err, errlist.ErrMalformed) && groupedNumber(err):
		w = numeral.Words{Vi: "gợi ý: số viết kiểu \"1.200\" là cách bảng tính ghi; đọc bằng --spreadsheet", En: "hint: numbers such as \"1.200\" are how spreadsheet tools write them; read with --spreadsheet"}
	default:
		return ""
	}
	return w.In(lang)
}

// groupedNumber reports whether a malformed field, or the value an error
// quotes, looks like a number with "." grouping thousands ("1.200").
func groupedNumber(err error) bool {
	var pe *errlist.ParseError
	if errors.As(err, &pe) && grouped.MatchString(`"`+strings.Trim(pe.Field, `"`)+`"`) {
		return true
	}
	return grouped.MatchString(err.Error())
}

var grouped = regexp.MustCompile(`"\d{1,3}(\.\d{3})+"`)

// clean removes control characters (terminal escapes among them) from
// text for a terminal, keeping tabs and line breaks.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || numeral.Hidden(r) {
			return -1
		}
		return r
	}, s)
}
