package counts_test

import (
	"fmt"

	"github.com/annals/annals/counts"
)

func ExampleFind() {
	for _, c := range counts.Find("At least 56 people were killed and more than 200 injured in the stampede.", 0) {
		fmt.Println(c.Kind, c.Low, c.High, c.Precision, c.Text)
	}
	// Output:
	// killed 56 56 at_least At least 56
	// injured 200 200 at_least more than 200
}
