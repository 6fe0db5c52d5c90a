package parse

import (
	"testing"
)

func TestReportAsParataxis(t *testing.T) {
	tests := []struct {
		name string
		tree string         // word/XPOS/head/rel per token
		want map[int]string // token -> "head rel" after the repair
	}{
		{"report then its source",
			"Chile/NNP/2/nsubj will/MD/3/aux reopen/VB/9/ccomp the/DT/5/det border/NN/3/obj ,/,/8/punct a/DT/8/det minister/NN/9/nsubj said/VBD/0/root today/NN/9/obl:unmarked ././9/punct",
			map[int]string{3: "0 root", 9: "3 parataxis", 6: "9 punct", 11: "3 punct", 10: "9 obl:unmarked", 8: "9 nsubj"}},
		{"a clause of the report hung from the reporting verb",
			"Peru/NNP/2/nsubj left/VBD/8/ccomp ,/,/5/punct after/IN/5/mark talks/NNS/8/advcl ,/,/7/punct officials/NNS/8/nsubj said/VBD/0/root ././8/punct",
			map[int]string{2: "0 root", 8: "2 parataxis", 5: "2 advcl", 6: "8 punct", 9: "2 punct"}},
		{"the comma hung from the report",
			"Chile/NNP/2/nsubj agreed/VBD/5/ccomp ,/,/2/punct officials/NNS/5/nsubj said/VBD/0/root ././5/punct",
			map[int]string{2: "0 root", 5: "2 parataxis", 3: "5 punct", 6: "2 punct"}},
		// Left alone: the report after its source, no comma before the
		// subject.
		{"source first",
			"Officials/NNS/2/nsubj said/VBD/0/root Peru/NNP/4/nsubj left/VBD/2/ccomp ././2/punct",
			map[int]string{2: "0 root", 4: "2 ccomp"}},
		{"no comma",
			"Peru/NNP/2/nsubj left/VBD/4/ccomp officials/NNS/4/nsubj said/VBD/0/root",
			map[int]string{4: "0 root", 2: "4 ccomp"}},
	}
	for _, tt := range tests {
		checkRepair(t, tt.name, tt.tree, reportAsParataxis, tt.want)
	}
}

func TestTrailingReportAsParataxis(t *testing.T) {
	tests := []struct {
		name string
		tree string         // word/XPOS/head/rel per token
		want map[int]string // token -> "head rel" after the repair
	}{
		{"reporting clause hung from the report as ccomp",
			"Chile/NNP/2/nsubj left/VBD/0/root the/DT/4/det treaty/NN/2/obj ,/,/7/punct officials/NNS/7/nsubj said/VBD/2/ccomp today/NN/7/obl:unmarked ././2/punct",
			map[int]string{7: "2 parataxis", 2: "0 root"}},
		{"the comma hung from the report",
			"Chile/NNP/2/nsubj left/VBD/0/root ,/,/2/punct officials/NNS/5/nsubj said/VBD/2/ccomp ././2/punct",
			map[int]string{5: "2 parataxis"}},
		// Left alone: a complement with "that", with its own object, or
		// with no comma before it.
		{"marked complement",
			"Chile/NNP/2/nsubj said/VBD/0/root ,/,/6/punct that/IN/6/mark Peru/NNP/6/nsubj left/VBD/2/ccomp",
			map[int]string{6: "2 ccomp"}},
		{"complement with an object",
			"Chile/NNP/2/nsubj said/VBD/0/root ,/,/5/punct Peru/NNP/5/nsubj left/VBD/2/ccomp talks/NNS/5/obj",
			map[int]string{5: "2 ccomp"}},
		{"no comma",
			"Chile/NNP/2/nsubj thinks/VBZ/0/root Peru/NNP/4/nsubj left/VBD/2/ccomp",
			map[int]string{4: "2 ccomp"}},
	}
	for _, tt := range tests {
		checkRepair(t, tt.name, tt.tree, trailingReportAsParataxis, tt.want)
	}
}
