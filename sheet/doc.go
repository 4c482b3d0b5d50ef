// Package sheet reads the spreadsheets provinces exchange and writes
// spreadsheet reports, through github.com/xuri/excelize/v2.
//
// [Read] finds the header row under title rows, reads Vietnamese headers,
// merged header cells, the long layout (one row per unit and indicator)
// and the wide one (a column per platform), and repairs what spreadsheets
// do to data (codes that lost their leading zeros, counts and dates typed
// as text), reporting every repair; nothing is guessed silently.
// [WriteRollup] writes a roll-up as a workbook: one sheet per level, counts
// and percents with number formats, a frozen header, the column names of
// package report.
package sheet
