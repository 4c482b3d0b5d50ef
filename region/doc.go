// Package region defines Vietnam's administrative units and their hierarchy,
// before and after the reorganisation of 2025-07-01.
//
// A [Code] is the statistics office's code of a unit (province 2 digits,
// district 3, commune 5), a small comparable value like netip.Addr. A [Unit]
// pairs a code with its name, [Kind] and parent. A [Hierarchy] is built once,
// validated as a whole, and then answers look-ups by code, by name ignoring
// case, diacritics and kind words, and by a dense index that lets roll-ups
// walk arrays instead of maps.
//
// The complete official lists are built in: [Vietnam2024] (63 provinces,
// 696 districts, 10,047 communes, as on 2025-03-01) and [Vietnam2025] (34
// provinces, 3,321 communes, from 2025-07-01); [At] picks the one in force on
// a date. [Reorganisation2025] is the [Crosswalk] between them, province by
// province and commune by commune, with full and partial links, so that
// history can be carried onto today's units and back. A count carried across
// a partial link is known only within [Bounds], unless the caller gives the
// shares.
package region
