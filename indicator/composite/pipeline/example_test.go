package pipeline_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/chiso-vn/chiso/indicator/composite/pipeline"
)

// Three provinces, two indicators of digital services, one of them per
// adult: a framework (COINr's iMeta), the data (iData), then min-max to
// [0, 100] and the mean of the two as the index, ranked: Bắc Ninh and Hà
// Nội tie, so Lạng Sơn is third (competition ranks).
func ExampleRun() {
	meta := `Level,iCode,iName,Direction,Weight,Denominator,Parent,Type
1,sign,Digital signatures,1,1,adults,DTI,Indicator
1,days,Days to a licence,-1,1,,DTI,Indicator
2,DTI,Index,1,1,,,Aggregate
,adults,Adults,,,,,Denominator
`
	data := `uCode,uName,adults,sign,days
BN,Bắc Ninh,1000,650,3
LS,Lạng Sơn,800,280,5
HN,Hà Nội,2000,1300,3
`
	f, err := pipeline.ReadFramework(strings.NewReader(meta), "meta.csv")
	if err != nil {
		log.Fatal(err)
	}
	d, err := pipeline.ReadData(strings.NewReader(data), "data.csv", f)
	if err != nil {
		log.Fatal(err)
	}
	res, err := pipeline.Run(f, d, pipeline.Denominate{}, pipeline.Normalise{Method: pipeline.NormMinMax}, pipeline.Aggregate{Method: pipeline.ArithmeticMean})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Join(res.Steps, "; "))
	for _, u := range res.Units() {
		v, _ := res.Value("DTI", u.Code)
		fmt.Printf("%s: %s, rank %d\n", u.Name, v.RatString(), res.Rank("DTI", u.Code))
	}
	// Output:
	// denominate; min-max; arithmetic mean
	// Bắc Ninh: 100, rank 1
	// Lạng Sơn: 0, rank 3
	// Hà Nội: 100, rank 1
}
