// Command beam computes the library's accumulators on Apache Beam: the
// exact cost per department, summed with triplecrown.MoneySum, and the Net
// Promoter Score per customer category, tallied with outcome.NPSTally. It
// runs the pipeline on Beam's prism runner, in this process, and prints the
// results:
//
//	go run .
//
// The same pipeline runs unchanged on a distributed runner (Dataflow,
// Flink, Spark): each worker folds its share of the data into partial
// accumulators, and the runner ships them to the workers that merge them,
// through the explicit coders in coders.go.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
)

func main() {
	beam.Init()
	// Keep prism's progress messages off the terminal; warnings and errors
	// still show.
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "beam:", err)
		os.Exit(1)
	}
}

// run builds the pipeline over the built-in data, runs it on prism and
// writes the report to w, its lines sorted.
func run(ctx context.Context, w io.Writer) error {
	dir, err := os.MkdirTemp("", "cx-beam-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "report.txt")

	p, s := beam.NewPipelineWithRoot()
	lines := beam.CreateList(s, costLines())
	answers := beam.CreateList(s, responses())
	textio.Write(s, out, Report(s, lines, answers))
	if _, err := prism.Execute(ctx, p); err != nil {
		return err
	}

	text, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	report := strings.Split(strings.TrimSuffix(string(text), "\n"), "\n")
	slices.Sort(report)
	for _, line := range report {
		fmt.Fprintln(w, line)
	}
	return nil
}
