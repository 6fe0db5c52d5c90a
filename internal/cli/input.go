package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
)

// parseNoArgs parses the flags of c, a command that takes no positional
// arguments, and rejects any.
func parseNoArgs(env *Env, c *Command, fs *flag.FlagSet, args []string) error {
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		fmt.Fprintf(env.Stderr, "annals %s: unexpected argument %q\n", c.Name, pos[0])
		return ErrUsage
	}
	return nil
}

// readFile opens the file at path and reads it whole with read, which
// names the input by path in its errors (as petrarch.Read, plover.Read and
// conllu.ReadAll do).
func readFile[T any](path string, read func(r io.Reader, name string) (T, error)) (T, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	return read(f, path)
}
