package conllu

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/annals/annals/event"
)

// Write writes s as one CoNLL-U block followed by a blank line. Token
// offsets go to MISC as TokenRange=START:END and entity tags as NER=TAG, so
// Reader reads back what Write wrote.
func Write(w io.Writer, s *event.Sentence) error {
	bw := bufio.NewWriter(w)
	if s.ID != "" {
		fmt.Fprintf(bw, "# sent_id = %s\n", s.ID)
	}
	fmt.Fprintf(bw, "# text = %s\n", oneLine(s.Text))
	for k, t := range s.Tokens {
		var misc []string
		if t.Entity != "" && t.Entity != "O" {
			misc = append(misc, "NER="+t.Entity)
		}
		if k+1 < len(s.Tokens) && t.End >= 0 && s.Tokens[k+1].Start == t.End {
			misc = append(misc, "SpaceAfter=No")
		}
		if t.Start >= 0 {
			misc = append(misc, fmt.Sprintf("TokenRange=%d:%d", t.Start, t.End))
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n",
			k+1, field(t.Text), field(t.Lemma), field(t.UPOS), field(t.XPOS), field(t.Feats),
			t.Head, field(t.Rel), field(strings.Join(misc, "|")))
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

func field(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
