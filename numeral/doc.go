// Package numeral reads and writes numbers and dates the way Vietnamese
// (and English) people write them, and holds the language type of
// everything chiso writes for people.
//
// It is the module's one reader of numerals: [Parse] reads "60.827", "1,5"
// and "1.234,05" strictly ("217.00" and "60.5" are malformed: a thousands
// group has three digits), [ParseCount] a whole count ("1.611"), and
// [ParseDate] a date day first ("28/9/2021", "23/3"). Every other package
// reads numbers through it, so "1.000%" means a thousand percent wherever it
// is read. [FormatInt], [FormatDecimal] and [Localize] write numbers in a
// [Language]'s format: "60.827" in Vietnamese, "60,827" in English, as
// CLDR gives them. [Words] keeps one text in each language, so that what
// chiso writes for people is Vietnamese by default and English on request.
package numeral
