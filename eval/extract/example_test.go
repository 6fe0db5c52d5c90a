package extract_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/annals/annals/eval/extract"
)

func ExampleEvaluate() {
	dir, _ := os.MkdirTemp("", "pages")
	defer os.RemoveAll(dir)
	page := filepath.Join(dir, "p1")
	os.Mkdir(page, 0o755)
	os.WriteFile(filepath.Join(page, "source.html"), []byte(`<body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
<div><p>Flood waters receded from the valley on Sunday, officials said, and roads reopened.</p></div>`), 0o644)
	os.WriteFile(filepath.Join(page, "expected.html"), []byte(`<p>Flood waters receded from the valley on Sunday, officials said, and roads reopened.</p>`), 0o644)
	s, err := extract.Evaluate(context.Background(), dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s)
	// Output:
	// pages=1 word_precision=1.000 word_recall=1.000 word_f1=1.000 title_exact=0/0 date=0/0
}
