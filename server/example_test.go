package server_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/annals/annals/server"
	"github.com/annals/annals/store"
	"github.com/annals/annals/store/sqlite"
)

// A server over a store, asked for events by country and CAMEO root, and
// refusing a write because it was started without a token.
func Example() {
	dir, _ := os.MkdirTemp("", "annals-example")
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(context.Background(), filepath.Join(dir, "annals.db"), store.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	srv, err := server.New(server.Options{Store: st})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range []struct{ method, target, body string }{
		{"GET", "/api/events?country=KEN&code=19", ""},
		{"GET", "/api/events?quad=7", ""},
		{"POST", "/api/documents", `{"text":"Kenyan police arrested twelve protesters."}`},
	} {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(r.method, r.target, strings.NewReader(r.body)))
		fmt.Print(r.method, " ", r.target, ": ", rec.Code, " ", rec.Body.String())
	}
	// Output:
	// GET /api/events?country=KEN&code=19: 200 {"events":[]}
	// GET /api/events?quad=7: 400 {"error":"quad \"7\": want 1, 2, 3 or 4"}
	// POST /api/documents: 403 {"error":"this server is read-only (start it with --token to accept documents)"}
}
