package counts

import (
	"fmt"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	tests := []struct {
		text string
		want string // "kind low-high precision [words]", joined by "; "
	}{
		{"At least 56 people were killed and more than 200 injured in the stampede.",
			"killed 56-56 at_least [At least 56]; injured 200-200 at_least [more than 200]"},
		{"Police arrested twelve protesters on Friday.", "arrested 12-12 exact [twelve]"},
		{"Thousands marched in Minsk.", "crowd 2000-9999 vague [Thousands]"},
		{"Hundreds of drivers demonstrated outside the ministry.", "crowd 200-999 vague [Hundreds]"},
		{"A million-man march filled the capital.", "crowd 1000000-1000000 about [million-man]"},
		{"A crowd of 5,000 protesters faced the police.", "crowd 5000-5000 exact [5,000]"},
		{"The gala was attended by 3,300 guests.", ""}, // no protest: no crowd
		{"Dozens of firms demonstrated their products at the fair.", ""},
		{"Police met several protest groups before the march.", ""},
		{"Two executives picked up awards.", ""},
		{"The singer of the band Dead Can Dance was 61.", ""},
		{"The deputy takes over if the two leaders are both killed.", ""},
		{"One such meeting was held in the capital.", ""},
		{"Another march would be taken to the city.", ""},
		{"Passengers in a bus were killed.", ""},
		{"A 700-strong mob set the station alight.", "crowd 700-700 exact [700-strong]"},
		{"Two people died when the bridge gave way.", "killed 2-2 exact [Two]"},
		{"A man was arrested at the scene.", "arrested 1-1 exact [A man]"},
		{"Three police officers were wounded.", "injured 3-3 exact [Three]"},
		{"The bus crash left 14 dead.", "killed 14-14 exact [14]"},
		{"The blast killed three, including a 60-year-old woman.",
			"killed 3-3 exact [three]; killed 1-1 exact [a 60-year-old woman]"},
		{"The death toll has risen to 31.", "killed 31-31 exact [31]"},
		{"Tens of thousands of people took to the streets of the capital.", "crowd 20000-99999 vague [Tens of thousands]"},
		{"Officials said some 13,000 workers went on strike.", "crowd 13000-13000 about [some 13,000]"},
		{"Two of the injured later died in hospital.", "killed 2-2 exact [Two]"},
		{"Dozens were hurt as the roof fell.", "injured 24-99 vague [Dozens]"},
		{"Soldiers detained 40 suspects overnight.", "arrested 40-40 exact [40]"},
		{"The storm killed at least 9 people and injured dozens.",
			"killed 9-9 at_least [at least 9]; injured 24-99 vague [dozens]"},
		{"Officials counted 40 soldiers, 12 villagers, and dozens of militants killed.",
			"killed 40-40 exact [40]; killed 12-12 exact [12]; killed 24-99 vague [dozens]"},
		{"Two teachers, both from the capital, were detained overnight.", "arrested 2-2 exact [Two]"},
		{"Six men from the north and another man from the coast have been arrested.",
			"arrested 6-6 exact [Six]; arrested 1-1 exact [another man]"},
		{"Union leaders put the number of strikers at 9,000.", "crowd 9000-9000 exact [9,000]"},
		{"A 19-year-old apprentice was killed by a falling crane.", "killed 1-1 exact [A 19-year-old apprentice]"},
		{"Officers treated 14 wounded miners at the pit head.", "injured 14-14 exact [14]"},
		{"Forty-one people or more were hurt in the crush.", "injured 41-41 at_least [Forty-one people or more]"},
		{"Ten guards were wounded and 30 suffered minor injuries.", "injured 10-10 exact [Ten]; injured 30-30 exact [30]"},
		{"The convoy was ambushed; eight more bodies were found, including that of two children.",
			"killed 8-8 exact [eight]; killed 2-2 exact [two]"},
		// No count: no kind, no people, illness, totals, plans, names.
		{"A gunman killed one person in the square.", "killed 1-1 exact [one]"},
		{"Thirty more years; 400 soldiers and more than 900 civilians dead.", ""},
		{"Some 300 passengers were rescued and 20 were taken to hospital.", "injured 20-20 exact [20]"},
		{"A memorial was held for the victims.", ""},
		{"The event counts cases where four or more people are killed or injured.", ""},
		{"The fire destroyed 200 homes.", ""},
		{"The 23-year-old was arrested in 2019.", ""},
		{"Measles has killed at least 62 children.", ""},
		{"Road crashes kill 750 people per year.", ""},
		{"Up to a million workers could take part in the strikes.", ""},
		{"No one was injured.", ""},
		{"The Guildford Four were freed.", ""},
		{"Police fired at 30 protesters.", ""},
		{"About 2.9 million people voted.", ""},
		{"He paid Rs 5,000 to the 12 men.", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range Find(tt.text, 0) {
			got = append(got, fmt.Sprintf("%s %d-%d %s [%s]", c.Kind, c.Low, c.High, c.Precision, c.Text))
			if tt.text[c.Start:c.End] != c.Text {
				t.Errorf("%q: span %d-%d is not %q", tt.text, c.Start, c.End, c.Text)
			}
		}
		if g := strings.Join(got, "; "); g != tt.want {
			t.Errorf("%q\n got  %s\n want %s", tt.text, g, tt.want)
		}
	}
}

func TestFindOffset(t *testing.T) {
	const doc = "Intro. Five people were killed."
	cs := Find(doc[7:], 7)
	if len(cs) != 1 || doc[cs[0].Start:cs[0].End] != "Five" {
		t.Fatalf("Find with offset = %+v, want the span of Five in the document", cs)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"At least 56 people were killed", "a 700-strong mob", "tens of thousands marched",
		"the death toll rose from fourteen to 31", "including a 9-year-old boy", "- - -9", "a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, c := range Find(text, 3) {
			if c.Start < 3 || c.End > len(text)+3 || c.Start > c.End || text[c.Start-3:c.End-3] != c.Text {
				t.Fatalf("%q: bad span %+v", text, c)
			}
			if c.Low < 1 || c.High < c.Low || c.Kind == "" || c.Precision == "" {
				t.Fatalf("%q: bad count %+v", text, c)
			}
		}
	})
}

func TestFindParts(t *testing.T) {
	tests := []struct {
		text  string
		parts []bool
	}{
		{"The blast killed three, including a 60-year-old woman.", []bool{false, true}},
		{"Twenty bodies were recovered, twelve women and eight men.", []bool{false, true, true}},
		{"Five people were killed and 12 were injured.", []bool{false, false}},
	}
	for _, tt := range tests {
		ms := Find(tt.text, 0)
		var got []bool
		for _, m := range ms {
			got = append(got, m.Part)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.parts) {
			t.Errorf("%q: parts %v, want %v (%+v)", tt.text, got, tt.parts, ms)
		}
	}
}
