package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/annals/annals/store"
	"github.com/annals/annals/store/postgres"
)

// Errors name the server and database that failed, never the password.
func ExampleOpen() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := postgres.Open(ctx, "postgres://annals:secret@127.0.0.1:1/events?connect_timeout=2", store.Options{})
	what, _, _ := strings.Cut(err.Error(), ": connect:")
	fmt.Println(what)
	// Output:
	// postgres 127.0.0.1:1/events
}
