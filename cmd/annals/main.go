// Command annals turns news text into coded political event data: who did
// what to whom, when and where, with the evidence. Run "annals help" for its
// subcommands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/annals/annals/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, &cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}
