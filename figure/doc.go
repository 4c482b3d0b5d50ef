// Package figure reads a number as the press prints it and says what the
// print lets a reader conclude: a [Figure] is an interval, not a point.
//
// "256.620" is exactly 256.620; "hơn 741.000" lies in (741.000; 742.000);
// "164%", rounded half up as official figures are, lies in [163,5%;
// 164,5%); "hàng chục" is [10; 100). [Parse] reads the qualifiers ("hơn",
// "trên", "gần", "khoảng", "vượt"), scale words ("1,5 triệu"), percents,
// dates, fractions of localities and ranges, with numerals read by package
// numeral, and a malformed figure is an [*Error] that says why in both
// languages. [Interval] is exact interval arithmetic on big.Rat, so that a
// claim holds where the intervals of its figures meet.
package figure
