// Package region defines Vietnam's administrative units and their hierarchy.
//
// A [Code] is the statistics office's code of a unit (province 2 digits,
// district 3, commune 5), a small comparable value like netip.Addr. A [Unit]
// pairs a code with its name, [Kind] and parent. A [Hierarchy] is built once,
// validated as a whole, and then answers look-ups by code, by name ignoring
// case, diacritics and kind words, and by a dense index that lets roll-ups
// walk arrays instead of maps.
//
// Vietnam reorganised its units on 2025-07-01 (63 provinces became 34, the
// district level was abolished). [Vietnam2024] and [Vietnam2025] give the
// province level before and after, and [Reorganisation2025] is the
// [Crosswalk] between them, so that history can be re-aggregated onto today's
// units.
package region
