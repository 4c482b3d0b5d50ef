package region

// OpenData opens an embedded list, for the benchmarks.
var OpenData = open
