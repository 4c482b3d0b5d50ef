// Package sheet reads the spreadsheets provinces exchange and writes
// spreadsheet reports; it writes through github.com/xuri/excelize/v2 and
// reads XLSX itself, as a stream.
//
// [Read] reads each sheet's rows one at a time (memory grows with one row,
// the shared strings and the merged ranges), within [Limits] checked from
// the zip headers before anything is inflated. It finds the header row
// under title rows, reads Vietnamese headers, merged header cells, the long
// layout (one row per unit and indicator) and the wide one (a column per
// platform), units by code or by name within the district or province the
// workbook gives, and the date from a date column or a title row. It
// checks each name against its code, accounts for every row (data, or a
// title, header, totals, note or signature row skipped and reported), and
// repairs what spreadsheets do to data (codes that lost their leading
// zeros, counts and dates typed as text), reporting every repair; nothing
// is guessed or dropped silently.
// [WriteRollup] writes a roll-up as a workbook: one sheet per level, counts
// with number formats, the attainment as the formula actual/plan, a frozen
// header, the column names of package report.
package sheet
