package ud_test

import (
	"fmt"
	"strings"

	"github.com/annals/annals/conllu"
	"github.com/annals/annals/eval/ud"
)

func Example() {
	gold, _ := conllu.ReadAll(strings.NewReader("1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tfled\tflee\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"), "gold")
	sys, _ := conllu.ReadAll(strings.NewReader("1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tobj\t_\t_\n2\tfled\tfled\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"), "system")
	s, err := ud.Gold(gold, sys)
	if err != nil {
		panic(err)
	}
	fmt.Println(s)
	// Output:
	// upos=1.000 xpos=1.000 lemma=0.500 uas=1.000 las=0.500
}
